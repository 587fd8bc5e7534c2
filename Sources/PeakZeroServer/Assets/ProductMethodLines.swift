import Assets

/// The verification form's product method (GB/T 13234): one product a line, "name, baseline tce per
/// unit, reporting tce per unit, reporting output[, unit]", separated by commas (either width), 、 or
/// tabs — what a user pastes from a spreadsheet.
enum ProductMethodLines {
    /// Nil when the field is empty; else the products and, for a figure that is no number, its problem.
    static func read(_ text: String, carrier: String?) -> (savings: ProductUnitSavings, problems: [ProjectProblem])? {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmed }.filter { !$0.isEmpty }
        guard !lines.isEmpty else { return nil }
        var problems: [ProjectProblem] = []
        let products = lines.enumerated().map { index, line -> ProductUnitSavings.Product in
            let cells = line.split(whereSeparator: { [",", "，", "、", "\t"].contains($0) }).map { $0.trimmed }
            func number(_ place: Int, _ field: String) -> Double? {
                guard place < cells.count, !cells[place].isEmpty else { return nil }
                guard let value = Double(cells[place].replacingOccurrences(of: " ", with: "")) else {
                    problems.append(ProjectProblem(field: "product_unit.products[\(index + 1)].\(field)", kind: .productFigure))
                    return nil
                }
                return value
            }
            return ProductUnitSavings.Product(
                name: cells.first, baselinePerUnit: number(1, "baseline_per_unit"),
                reportingPerUnit: number(2, "reporting_per_unit"), reportingOutput: number(3, "reporting_output"),
                unit: cells.count > 4 ? cells[4] : nil)
        }
        return (ProductUnitSavings(products: products, carrier: carrier), problems)
    }

    /// "GB/T 13234 product method: A 1.2 → 1.1 × 10,000 t; …" for the verification history.
    static func shown(_ savings: ProductUnitSavings, _ heading: String) -> String {
        heading + " "
            + savings.products.map { p in
                let figures = [p.baselinePerUnit, p.reportingPerUnit, p.reportingOutput].map { WebNumbers.plain($0 ?? .nan) }
                return "\(p.name ?? "") \(figures[0]) → \(figures[1]) × \(figures[2]) \(p.unit ?? "")".trimmed
            }.joined(separator: "; ")
    }
}
