import Accounting

extension TableRow {
    /// A year cell that must be filled: `2024`, or `2024.0` as a workbook's number reads; a year
    /// outside PeakZero's calendar (`Period`) is a bad year.
    func year(_ field: String, _ issues: inout [InputIssue]) -> Int? {
        let text = self.text(field)
        guard !text.isEmpty else {
            issues.append(issue(field, .missingValue))
            return nil
        }
        guard let year = Int(text.hasSuffix(".0") ? String(text.dropLast(2)) : text), Period(year: year) != nil else {
            issues.append(issue(field, .badYear(text)))
            return nil
        }
        return year
    }

    /// A figure that may not be negative; an empty cell is nil, or a missing value when `required`.
    func nonNegative(_ field: String, required: Bool, _ issues: inout [InputIssue]) -> Double? {
        if required, text(field).isEmpty {
            issues.append(issue(field, .missingValue))
            return nil
        }
        guard let value = optionalNumber(field, &issues) else { return nil }
        guard value >= 0 else {
            issues.append(issue(field, .negativeQuantity(text(field))))
            return nil
        }
        return value
    }
}
