import Accounting
import Foundation

/// Every word the pages show, per language, from `Resources/strings/{zh,en}.json`: page code
/// names a key, never a label. A key missing from a table renders empty, so tests compare the
/// tables, find every `WordKey` in both and every key the templates use.
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

    /// The words of one language.
    func table(_ language: Language) -> Words { Words(table: tables[language] ?? [:]) }

    func text(_ key: WordKey, _ language: Language) -> String { tables[language]?[key.rawValue] ?? key.rawValue }
}

/// The words of one language, read by a typed key in Swift code (`t[.navUnits]`) or, for keys made
/// from a value (`light_red`, `role_viewer`), by `text(forKey:)`.
struct Words: Sendable {
    /// The table itself, as the templates read it (`layout.t.key`).
    let table: [String: String]

    subscript(_ key: WordKey) -> String { table[key.rawValue] ?? "" }

    /// A key made from a value; empty, or `fallback`, when the table lacks it.
    func text(forKey key: String, else fallback: String = "") -> String { table[key] ?? fallback }

    /// A word with its `{name}` placeholders filled in.
    func format(_ key: WordKey, _ arguments: [String: String]) -> String {
        arguments.reduce(self[key]) { text, argument in
            text.replacingOccurrences(of: "{\(argument.key)}", with: argument.value)
        }
    }

    /// A key made from a value, when the word is optional (a field's hint).
    func optionalText(forKey key: String) -> String? { table[key] }

    var keys: Dictionary<String, String>.Keys { table.keys }
}
