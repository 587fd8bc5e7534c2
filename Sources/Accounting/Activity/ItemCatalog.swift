import Foundation
import ReferenceData

/// The items PeakZero knows, looked up by Chinese name, English code, English name or alias.
public struct ItemCatalog: Sendable {
    public let items: [Item]
    private let byName: [String: Item]

    public init(items: [Item]) {
        self.items = items
        var byName: [String: Item] = [:]
        for item in items {
            for name in [item.code, item.nameZh, item.nameEn] + item.aliases {
                byName[ItemCatalog.key(name)] = item
            }
        }
        self.byName = byName
    }

    /// The catalogue bundled in `ReferenceData/Data/items.csv`.
    public static let bundled: ItemCatalog = {
        do {
            return try ItemCatalog(csv: ReferenceData.itemsCSV)
        } catch {
            fatalError("PeakZero's bundled items.csv is malformed: \(error)")
        }
    }()

    public func item(named name: String) -> Item? { byName[ItemCatalog.key(name)] }

    public func item(code: String) -> Item? { items.first { $0.code == code } }

    /// Up to `limit` known items closest to `name`, as `柴油 (diesel)`, for "did you mean" messages.
    public func suggestions(for name: String, limit: Int = 3) -> [String] {
        // No name is longer than that; a megabyte cell would take minutes of edit distances.
        guard name.utf8.count <= Self.longestSuggestible else { return [] }
        let wanted = ItemCatalog.key(name)
        guard !wanted.isEmpty else { return [] }
        var scored: [(name: String, score: Int)] = []
        for item in items {
            let display = "\(item.nameZh) (\(item.code))"
            var best = Int.max
            for candidate in [item.code, item.nameZh, item.nameEn] + item.aliases {
                let key = ItemCatalog.key(candidate)
                var distance = EditDistance.between(wanted, key)
                if key.contains(wanted) || wanted.contains(key) { distance = min(distance, 1) }
                best = min(best, distance)
            }
            // Accept a name that differs in at most about half of its characters.
            if best <= max(1, (wanted.count + 1) / 2) { scored.append((display, best)) }
        }
        return scored.sorted { ($0.score, $0.name) < ($1.score, $1.name) }.prefix(limit).map(\.name)
    }

    /// The longest text (in bytes) suggestions are sought for.
    static let longestSuggestible = 120

    static func key(_ name: String) -> String {
        UnitOfMeasure.normalise(name).filter { $0 != "_" && $0 != "-" }
    }
}

extension ItemCatalog {
    enum LoadError: Error, CustomStringConvertible {
        case badRow(row: Int, reason: String)
        var description: String {
            switch self {
            case .badRow(let row, let reason): "items.csv row \(row): \(reason)"
            }
        }
    }

    init(csv: String) throws {
        let table = try CSVTable(parsing: csv)
        guard let header = table.records.first else { throw LoadError.badRow(row: 1, reason: "empty") }
        var items: [Item] = []
        for (index, record) in table.records.enumerated().dropFirst() where !CSVTable.isBlank(record) {
            let row = Dictionary(uniqueKeysWithValues: zip(header, record + Array(repeating: "", count: header.count)))
            let rowNumber = index + 1
            guard let kind = Item.Kind(rawValue: row["kind", default: ""]),
                let dimension = Dimension(rawValue: row["dimension", default: ""]),
                let category = ActivityCategory(rawValue: row["default_category", default: ""])
            else { throw LoadError.badRow(row: rowNumber, reason: "kind, dimension or default_category not known") }
            let gasText = row["gas", default: ""]
            let gas = gasText.isEmpty ? nil : GasSpecies(rawValue: gasText)
            if kind == .gas, gas == nil { throw LoadError.badRow(row: rowNumber, reason: "gas \(gasText) not known") }
            let aliases = row["aliases", default: ""].split(separator: "|").map(String.init)
            items.append(
                Item(
                    code: row["code", default: ""], nameZh: row["name_zh", default: ""],
                    nameEn: row["name_en", default: ""], kind: kind, dimension: dimension,
                    defaultCategory: category, gas: gas, aliases: aliases))
        }
        self.init(items: items)
    }
}
