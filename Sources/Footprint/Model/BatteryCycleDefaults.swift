import Accounting
import Foundation

/// The battery rules' default full equivalent cycles a year by vehicle category, read from
/// `Data/battery-cycles.csv` where each row carries its source and grade. A battery model that names
/// its vehicle category takes its cycles from here rather than stating them.
public struct BatteryCycleDefaults: Sendable {
    public struct Entry: Sendable, Equatable {
        /// The vehicle category of UN/ECE and EU type approval: `M1`, `N1`, `L`, `M2` …
        public let vehicleCategory: String
        public let cyclesPerYear: Double
        /// V verified, S single source, U unverified.
        public let grade: String
        public let source: String
    }

    public let entries: [Entry]

    public func entry(for category: String) -> Entry? {
        let wanted = category.trimmingCharacters(in: .whitespaces).uppercased()
        return entries.first { $0.vehicleCategory == wanted }
    }

    /// The categories, in the file's order, for messages that list them.
    public var categories: [String] { entries.map(\.vehicleCategory) }

    public static let bundled: BatteryCycleDefaults = {
        guard let url = Bundle.module.url(forResource: "battery-cycles", withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8),
            let table = try? CSVTable(parsing: text)
        else { preconditionFailure("the bundled battery cycle table is missing") }
        let rows = table.records.dropFirst().filter { $0.count > 1 }
        let entries = rows.map { cells -> Entry in
            precondition(cells.count == 6, "the bundled battery cycle table is malformed: \(cells)")
            guard let cycles = Double(cells[1]) else { preconditionFailure("cycles of \(cells[0]) are not a number") }
            return Entry(vehicleCategory: cells[0], cyclesPerYear: cycles, grade: cells[2], source: cells[3])
        }
        return BatteryCycleDefaults(entries: entries)
    }()
}
