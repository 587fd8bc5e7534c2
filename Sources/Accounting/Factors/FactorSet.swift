import Foundation

/// A versioned table of cited factors: the bundled library, or a set a user adds in the same format.
public struct FactorSet: Sendable {
    public let name: String
    public let entries: [FactorEntry]
    /// The entries by kind and item code, so a lookup scans a handful of rows, not the whole table.
    let index: [FactorKind: [String: [FactorEntry]]]
    /// A fingerprint of the file's content, so an inventory names exactly which table it used.
    public let fingerprint: String

    public static let requiredColumns = ["id", "kind", "item", "value", "unit", "grade", "source"]
    public static let optionalColumns = ["region", "variant", "year", "document", "published", "url", "notes"]

    /// Loads a factor table. Every problem is reported, each with its row and column; nothing is
    /// loaded when any row is bad.
    public init(csv text: String, name: String, file: String? = nil) throws(InputIssues) {
        let reader = try TableReader(
            text: text, file: file, required: Self.requiredColumns, optional: Self.optionalColumns,
            headerAliases: [:])
        var entries: [FactorEntry] = []
        var issues: [InputIssue] = []
        var seenIDs: [String: Int] = [:]
        for row in reader.rows {
            let id = row.text("id")
            let kindText = row.text("kind")
            let before = issues.count
            if id.isEmpty { issues.append(row.issue("id", .missingValue)) }
            if let first = seenIDs[id], !id.isEmpty {
                issues.append(row.issue("id", .duplicateID(id, firstRow: first)))
            }
            seenIDs[id] = seenIDs[id] ?? row.number
            guard let kind = FactorKind(rawValue: kindText) else {
                issues.append(
                    row.issue("kind", .unknownFactorKind(kindText, known: FactorKind.allCases.map(\.rawValue))))
                continue
            }
            let valueText = row.text("value")
            guard let number = Double(valueText), number.isFinite else {
                issues.append(row.issue("value", .notANumber(valueText)))
                continue
            }
            guard Plausible.isAmount(number) else {
                issues.append(row.issue("value", .beyondPlausible(valueText)))
                continue
            }
            guard let value = FactorValue(number, unit: row.text("unit"), kind: kind) else {
                issues.append(row.issue("unit", .factorUnitMismatch(row.text("unit"), kind: kind)))
                continue
            }
            guard let grade = Grade(rawValue: row.text("grade").uppercased()) else {
                issues.append(row.issue("grade", .unknownGrade(row.text("grade"))))
                continue
            }
            let yearText = row.text("year")
            let year = Int(yearText)
            if !yearText.isEmpty, year == nil { issues.append(row.issue("year", .badYear(yearText))) }
            if row.text("source").isEmpty { issues.append(row.issue("source", .missingValue)) }
            if kind == .gwp, GWPSet(rawValue: row.text("variant")) == nil {
                issues.append(row.issue("variant", .unknownGWPSet(row.text("variant"))))
            }
            guard issues.count == before else { continue }
            entries.append(
                FactorEntry(
                    id: id, kind: kind, item: row.text("item"), region: row.text("region"),
                    variant: row.text("variant"), year: year, value: value, unitText: row.text("unit"), grade: grade,
                    source: row.text("source"), document: row.text("document"),
                    published: row.text("published"), url: row.text("url"), notes: row.text("notes"),
                    setName: name))
        }
        if !issues.isEmpty { throw InputIssues(issues) }
        self.name = name
        self.entries = entries
        self.index = Dictionary(grouping: entries, by: \.kind).mapValues { Dictionary(grouping: $0, by: \.item) }
        self.fingerprint = Fingerprint.of(text)
    }

    /// The entries of `kind` that apply to `item`: its own rows and the rows for every item.
    func entries(_ kind: FactorKind, item: String) -> [FactorEntry] {
        guard let byItem = index[kind] else { return [] }
        return byItem[item, default: []] + (item.isEmpty ? [] : byItem["", default: []])
    }

    /// The table bundled with PeakZero (`ReferenceData/Data/factors.csv`), read once per process:
    /// every inventory, factor page and calculation asks for it, and it cannot change while running.
    public static func bundled() throws(InputIssues) -> FactorSet { try parsedBundled.get() }

    private static let parsedBundled = Result { () throws(InputIssues) in
        try FactorSet(csv: ReferenceDataAccess.factorsCSV, name: ReferenceDataAccess.edition, file: "factors.csv")
    }
}

/// FNV-1a, 64-bit: a stable content fingerprint (identity, not security).
enum Fingerprint {
    static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
