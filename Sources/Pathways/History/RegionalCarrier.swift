import Accounting
import Foundation
import ReferenceData

/// The energy carriers regional energy balances are kept in (能源平衡表's broad groups).
public enum RegionalCarrier: String, CaseIterable, Codable, Sendable, Comparable, MessageKey {
    case coal, oil, gas, electricity, heat, other

    public static func < (a: Self, b: Self) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }

    public func name(_ language: Language) -> String { Self.names.text(self, language) }

    /// The carrier a cell names: its code or its name in either language.
    public init?(naming text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { carrier in
            carrier.rawValue == key || Language.allCases.contains { carrier.name($0).lowercased() == key }
                || (Self.aliases[carrier] ?? []).contains(key)
        }) else { return nil }
        self = found
    }

    static let aliases: [RegionalCarrier: [String]] = [
        .coal: ["煤", "原煤"], .oil: ["油品", "石油制品"], .gas: ["燃气", "natural gas"], .electricity: ["电"],
        .heat: ["热"], .other: ["其他", "其它能源"],
    ]

    public static let names = Catalogue<RegionalCarrier>(
        zh: [.coal: "煤炭", .oil: "石油", .gas: "天然气", .electricity: "电力", .heat: "热力", .other: "其他能源"],
        en: [.coal: "coal", .oil: "oil", .gas: "natural gas", .electricity: "electricity", .heat: "heat", .other: "other"])
}

extension PlanningArea {
    /// The area a cell names: its code or its name in either language.
    public init?(naming text: String) {
        let key = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let found = Self.allCases.first(where: { area in
            area.rawValue == key || Language.allCases.contains { area.name($0).lowercased() == key }
        }) else { return nil }
        self = found
    }
}

extension RegionalCarrier {
    /// The carrier an energy item of an inventory is counted under (`item-carriers.csv`: the
    /// energy balance sheet's groups); nil for an item that is not energy (a process gas).
    public init?(item: String) {
        guard let found = Self.byItem[item] else { return nil }
        self = found
    }

    static let byItem: [String: RegionalCarrier] = {
        // The file is part of the build; a malformed one shows as energy items without a carrier (tested).
        guard let table = try? CSVTable(parsing: ReferenceData.itemCarriersCSV) else { return [:] }
        return Dictionary(
            table.records.dropFirst().compactMap { record in
                guard record.count >= 2, let carrier = RegionalCarrier(rawValue: record[1]) else { return nil }
                return (record[0], carrier)
            }, uniquingKeysWith: { first, _ in first })
    }()
}
