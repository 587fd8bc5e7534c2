import Foundation

/// The pedigree matrix's uncertainty factors, read from `Data/pedigree-factors.csv` where each row
/// carries its source.
struct PedigreeTable: Sendable {
    /// For each indicator in the order reliability, completeness, temporal, geographical,
    /// technological: the factor (a GSD²) of scores 1 to 5.
    let factors: [[Double]]

    static let bundled: PedigreeTable = {
        guard let url = Bundle.module.url(forResource: "pedigree-factors", withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { preconditionFailure("the bundled pedigree table is missing") }
        let rows = text.split(separator: "\n").dropFirst().map { line in
            line.split(separator: ",", maxSplits: 6).dropFirst().prefix(5).compactMap { Double($0) }
        }
        precondition(rows.count == 5 && rows.allSatisfy { $0.count == 5 }, "the bundled pedigree table is malformed")
        return PedigreeTable(factors: rows)
    }()
}
