/// The keys of one message catalogue: an enum per subject (a problem in a file, a line of a
/// report), each case a message.
public protocol MessageKey: CaseIterable, Hashable, Sendable, RawRepresentable where RawValue == String {}

/// Messages in Chinese and English, looked up by a typed key. A message is a template whose
/// `{name}` placeholders the caller fills; code names a key and its arguments, never a sentence.
/// A key a language lacks reads as the key itself, and `gaps` names it: every catalogue has a test
/// that it has none, so a missing or mistyped message fails a test, not a reader.
public struct Catalogue<Key: MessageKey>: Sendable {
    private let tables: [Language: [Key: String]]

    public init(zh: [Key: String], en: [Key: String]) { tables = [.zh: zh, .en: en] }

    /// The message in a language, its placeholders filled from `arguments` (a placeholder without
    /// an argument stays as written, so a test sees it).
    public func text(_ key: Key, _ language: Language, _ arguments: [String: String] = [:]) -> String {
        guard let template = tables[language]?[key] else { return key.rawValue }
        return arguments.isEmpty ? template : Self.fill(template, arguments)
    }

    /// A message of several lines — a table's column headers, a sheet of instructions — as its lines.
    public func lines(_ key: Key, _ language: Language, _ arguments: [String: String] = [:]) -> [String] {
        text(key, language, arguments).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// What is wrong with the catalogue: a key a language lacks, or a message whose placeholders
    /// or number of lines (a table's columns) are not the same in both languages.
    public var gaps: [String] {
        var gaps: [String] = []
        for key in Key.allCases {
            let messages = Language.allCases.map { tables[$0]?[key] }
            for (language, message) in zip(Language.allCases, messages) where message == nil {
                gaps.append("\(key.rawValue): no \(language.rawValue) message")
            }
            let placeholders = Set(messages.compactMap { $0.map(Self.placeholders) })
            if placeholders.count > 1 { gaps.append("\(key.rawValue): the languages' placeholders differ") }
            let lineCounts = Set(messages.compactMap { $0?.split(separator: "\n", omittingEmptySubsequences: false).count })
            if lineCounts.count > 1 { gaps.append("\(key.rawValue): the languages' numbers of lines differ") }
        }
        return gaps
    }

    /// The placeholders a template names, `{row}` as `row`.
    static func placeholders(_ template: String) -> Set<String> {
        var names: Set<String> = []
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.insert(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// The template with each `{name}` replaced once, left to right: an argument's own braces are
    /// never read as a placeholder.
    static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        var rest = template[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            result += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            result += arguments[name] ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return result + rest
    }
}

extension Language {
    /// How a list of names is written in a sentence: 甲、乙 in Chinese, a, b in English.
    public func list(_ names: [String]) -> String { names.joined(separator: self == .zh ? "、" : ", ") }
}
