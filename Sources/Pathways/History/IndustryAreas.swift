import Accounting
import ReferenceData

extension PlanningArea {
    /// The area of a unit's GB/T 4754-2017 industry code (`C2511`, `2511`, `44`), by the ranges of
    /// divisions in `industry-areas.csv`; nil for a code without a two-digit division there.
    public init?(industryCode: String) {
        let digits = industryCode.drop { $0.isLetter }.prefix(2)
        guard digits.count == 2, let division = Int(digits),
            let range = Self.divisionRanges.first(where: { $0.divisions.contains(division) })
        else { return nil }
        self = range.area
    }

    static let divisionRanges: [(divisions: ClosedRange<Int>, area: PlanningArea)] = {
        // The file is part of the build; a malformed one shows as codes without an area (tested).
        guard let table = try? CSVTable(parsing: ReferenceData.industryAreasCSV) else { return [] }
        return table.records.dropFirst().compactMap { record in
            guard record.count >= 3, let first = Int(record[0]), let last = Int(record[1]), first <= last,
                let area = PlanningArea(rawValue: record[2])
            else { return nil }
            return (first...last, area)
        }
    }()
}
