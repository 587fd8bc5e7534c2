import Accounting
import Foundation
import Spreadsheet

/// Blank templates people fill in: the data sheet with its headers, a sheet listing the valid
/// codes (items and units of measure, levels, province codes), and an instructions sheet that
/// carries the template's version. CSV templates are the header row alone.
public enum Templates {
    public enum Kind: String, Sendable, CaseIterable {
        case activity, economic, units, regional, projects, ledger, footprint, scope3
    }

    public enum Format: String, Sendable, CaseIterable {
        case xlsx, csv
    }

    public static func version(_ kind: Kind) -> String {
        "\(kind.rawValue)-v\(kind == .activity ? ActivityTemplate.version : "1")"
    }

    public static func header(_ kind: Kind, language: Language) -> [String] {
        kind.columns.map { $0.header(language) }
    }

    public static func data(_ kind: Kind, format: Format, language: Language) throws -> Data {
        let header = header(kind, language: language)
        switch format {
        case .csv:
            return Data((header.joined(separator: ",") + "\n").utf8)
        case .xlsx:
            return try workbook(kind, language: language)
        }
    }

    /// A template workbook: the data sheet (its header, then `rows`), the lists and the instructions.
    static func workbook(_ kind: Kind, language: Language, rows: [[CellValue]] = []) throws -> Data {
        let header = header(kind, language: language)
        var writer = XLSXWriter()
        try writer.add(
            .init(
                name: kind.sheetName(language), rows: [header.map(CellValue.text)] + rows,
                columnWidths: header.map { max(16, Double($0.count) * 1.6) }))
        try writer.add(
            .init(name: language.word(.sheetLists), rows: lists(kind, language), columnWidths: [18, 24, 28, 40]))
        try writer.add(
            .init(
                name: language.word(.sheetInstructions), rows: instructions(kind, language), header: false,
                columnWidths: [100]))
        return try writer.data()
    }
}

extension Templates.Kind {
    /// The data sheet's name in a template.
    public func sheetName(_ language: Language) -> String {
        switch self {
        case .activity: language.word(.sheetActivity)
        case .economic: language.word(.sheetEconomic)
        case .units: language.word(.sheetUnits)
        case .regional: language.word(.sheetRegional)
        case .projects: language.word(.sheetProjects)
        case .ledger: language.word(.sheetLedger)
        case .footprint: language.word(.sheetFootprint)
        case .scope3: language.word(.sheetScope3)
        }
    }

    /// The kind whose data sheet has this name (in either language, any case).
    init?(sheetName: String) {
        let name = sheetName.trimmingCharacters(in: .whitespaces).lowercased()
        guard
            let kind = Self.allCases.first(where: { kind in
                [Language.zh, .en].contains { kind.sheetName($0).lowercased() == name }
                    || (kind == .activity && name == "activity data")
                    || (kind == .economic && name == "economic data")
            })
        else { return nil }
        self = kind
    }

    /// The kind a header row belongs to: the kind whose every required column it names.
    init?(header: [String]) {
        let given = Set(header.map(TableReader.key))
        func names(_ column: TemplateColumn) -> [String] {
            ([column.field, column.zh] + column.aliases).map(TableReader.key)
        }
        // The most specific first: product models (record, amount), ledger entries (day, action, kind, vintage), projects (code,
        // item, quantity, unit of measure, and no period), Scope 3 rows (unit, year, category), units (code, name, level, region);
        // activity next (item, quantity); economic data has only unit and period in common.
        // Regional statistics last: region and year alone.
        for kind in [Self.footprint, .ledger, .projects, .scope3, .units, .activity, .economic, .regional] {
            let required = kind.columns.filter(\.required)
            if required.allSatisfy({ !Set(names($0)).isDisjoint(with: given) }) {
                self = kind
                return
            }
        }
        return nil
    }
}
