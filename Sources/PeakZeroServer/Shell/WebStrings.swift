import Accounting
import Foundation

/// Every word the pages show, per language, from `Resources/strings/{zh,en}.json`: page code
/// names a key, never a label. A key missing from a table renders empty, so a test compares the
/// tables and the keys the templates use.
struct WebStrings: Sendable {
    let tables: [Language: [String: String]]

    init(tables: [Language: [String: String]]) { self.tables = tables }

    static func load(from folder: URL) throws -> WebStrings {
        var tables: [Language: [String: String]] = [:]
        for language in [Language.zh, .en] {
            let data = try Data(contentsOf: folder.appendingPathComponent("\(language.rawValue).json"))
            tables[language] = try JSONDecoder().decode([String: String].self, from: data)
        }
        return WebStrings(tables: tables)
    }

    func table(_ language: Language) -> [String: String] { tables[language] ?? [:] }

    func text(_ key: String, _ language: Language) -> String { tables[language]?[key] ?? key }
}
