import Accounting
import Foundation

/// Where each figure of the climate section answers GRI 305/302 and IFRS S2: a table kept in
/// `Data/disclosure-index.csv`, each mapping with its source and a grade (S: read in one source;
/// U: not yet checked against the standard's text, which the report says). The standards' texts
/// are not reproduced — their licences forbid it — only their paragraph numbers.
public struct DisclosureIndexEntry: Sendable, Codable, Equatable {
    public let key: String
    /// The climate section's part that holds the figure (its anchor).
    public let section: String
    public let gri: String
    public let ifrsS2: String
    public let grade: String
    public let whatZh: String
    public let whatEn: String
    public let source: String

    public func what(_ language: Language) -> String { language == .zh ? whatZh : whatEn }
}

public enum DisclosureIndex {
    /// The bundled table; a damaged table is a build defect, which the tests catch.
    public static let entries: [DisclosureIndexEntry] = {
        guard let url = Bundle.module.url(forResource: "disclosure-index", withExtension: "csv", subdirectory: "Data"),
            let text = try? String(contentsOf: url, encoding: .utf8), let table = try? CSVTable(parsing: text),
            let header = table.records.first
        else { return [] }
        return table.records.dropFirst().filter { $0.count == header.count }.map { row in
            func cell(_ name: String) -> String { header.firstIndex(of: name).map { row[$0] } ?? "" }
            return DisclosureIndexEntry(
                key: cell("key"), section: cell("section"), gri: cell("gri"), ifrsS2: cell("ifrs_s2"),
                grade: cell("grade"), whatZh: cell("what_zh"), whatEn: cell("what_en"), source: cell("source"))
        }
    }()
}
