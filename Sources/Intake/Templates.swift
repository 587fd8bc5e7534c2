import Accounting
import Foundation
import Spreadsheet

/// Blank templates people fill in: the data sheet with its headers, a sheet listing the valid
/// items, units of measure, categories and province codes, and an instructions sheet that carries
/// the template's version. CSV templates are the header row alone.
public enum Templates {
    public enum Kind: String, Sendable, CaseIterable {
        case activity
    }

    public enum Format: String, Sendable, CaseIterable {
        case xlsx, csv
    }

    public static func version(_ kind: Kind) -> String { "\(kind.rawValue)-v\(ActivityTemplate.version)" }

    /// The data sheet's columns: required ones first, the region last among the usual ones (it may
    /// be left empty), then the measured fuel parameters.
    public static let activityColumns: [(field: String, zh: String)] = [
        ("unit", "单位代码"), ("period", "期间"), ("item", "品种"), ("quantity", "数量"), ("uom", "计量单位"),
        ("category", "类别"), ("region", "行政区划代码"), ("ncv", "低位发热量"), ("carbon_content", "单位热值含碳量"),
        ("oxidation_rate", "碳氧化率"),
    ]

    public static func header(_ kind: Kind, language: Language) -> [String] {
        activityColumns.map { language == .zh ? $0.zh : $0.field }
    }

    public static func data(_ kind: Kind, format: Format, language: Language) throws -> Data {
        let header = header(kind, language: language)
        switch format {
        case .csv:
            return Data((header.joined(separator: ",") + "\n").utf8)
        case .xlsx:
            let zh = language == .zh
            var writer = XLSXWriter()
            try writer.add(
                .init(
                    name: zh ? "活动数据" : "Activity", rows: [header.map(CellValue.text)],
                    columnWidths: header.map { _ in 16 }))
            try writer.add(.init(name: zh ? "代码表" : "Lists", rows: lists(language), columnWidths: [18, 24, 28, 40]))
            try writer.add(
                .init(
                    name: zh ? "说明" : "Instructions", rows: instructions(kind, language), header: false,
                    columnWidths: [100]))
            return try writer.data()
        }
    }

    static func lists(_ language: Language) -> [[CellValue]] {
        let zh = language == .zh
        let template = ActivityTemplate()
        var rows: [[CellValue]] = [
            (zh ? ["品种", "名称", "计量单位", "类别"] : ["item", "name", "units of measure", "categories"]).map(CellValue.text)
        ]
        for item in template.catalog.items {
            rows.append([
                .text(item.code), .text(item.name(in: language)),
                .text(template.acceptedUnits(for: item).joined(separator: zh ? "、" : ", ")),
                .text(item.allowedCategories.map(\.rawValue).joined(separator: zh ? "、" : ", ")),
            ])
        }
        rows.append([])
        rows.append((zh ? ["省级行政区划代码", "名称"] : ["province code", "name"]).map(CellValue.text))
        for province in template.provinces.provinces {
            rows.append([.text(province.code), .text(zh ? province.nameZh : province.nameEn)])
        }
        return rows
    }

    static func instructions(_ kind: Kind, _ language: Language) -> [[CellValue]] {
        let lines: [String] =
            language == .zh
            ? [
                "PeakZero 活动数据模板，版本 \(version(kind))",
                "每行一个单位、一个期间、一个品种。必填列：单位代码、期间、品种、数量、计量单位；行政区划代码可不填（取单位登记的区划）。",
                "期间写作 2024-01（月度）或 2024（年度）；数量为非负数；品种和计量单位见“代码表”。",
                "类别可不填（按品种默认）；实测低位发热量、单位热值含碳量、碳氧化率仅用于燃料，留空则用缺省值。",
                "导入前可先试运行：系统逐行检查并列出每个错误所在的工作表、行和列，不写入任何数据。",
            ]
            : [
                "PeakZero activity data template, version \(version(kind))",
                "One row per unit, period and item. Required: unit, period, item, quantity, uom; region may be left empty (the unit's registered region is used).",
                "Periods are 2024-01 (a month) or 2024 (a year); quantities are not negative; items and units of measure are on the Lists sheet.",
                "category may be empty (the item's default); ncv, carbon_content and oxidation_rate are for fuels only, empty means the defaults.",
                "Try a dry run first: every row is checked and each error is listed with its sheet, row and column; nothing is written.",
            ]
        return lines.map { [.text($0)] }
    }
}
