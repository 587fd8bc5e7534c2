import Accounting
import Spreadsheet

/// The second and third sheets of each template: the valid codes and the instructions.
extension Templates {
    static func lists(_ kind: Kind, _ language: Language) -> [[CellValue]] {
        let zh = language == .zh
        var rows: [[CellValue]]
        switch kind {
        case .activity:
            let template = ActivityTemplate()
            rows = [
                (zh ? ["品种", "名称", "计量单位", "类别"] : ["item", "name", "units of measure", "categories"]).map(
                    CellValue.text)
            ]
            for item in template.catalog.items {
                rows.append([
                    .text(item.code), .text(item.name(in: language)),
                    .text(template.acceptedUnits(for: item).joined(separator: zh ? "、" : ", ")),
                    .text(item.allowedCategories.map(\.rawValue).joined(separator: zh ? "、" : ", ")),
                ])
            }
        case .economic:
            rows = [(zh ? ["列", "单位", "说明"] : ["column", "unit", "meaning"]).map(CellValue.text)]
            let meanings: [(String, String, String, String)] = [
                ("output_value", "万元", "当期现价工业总产值", "output value at current prices"),
                ("value_added", "万元", "当期现价增加值", "value added at current prices"),
                ("revenue", "万元", "当期营业收入", "revenue"),
                ("price_index", "—", "当期价格相对基期的指数（基期 = 100）", "prices of the period relative to the base year (= 100)"),
                ("base_year", zh ? "年" : "year", "可比价所用的基期年份", "the year whose prices constant prices are in"),
            ]
            for (field, unit, meaningZh, meaningEn) in meanings {
                let header = kind.columns.first { $0.field == field }!.header(language)
                rows.append([.text(header), .text(unit), .text(zh ? meaningZh : meaningEn)])
            }
        case .units:
            rows = [(zh ? ["层级", "中文名称"] : ["level", "Chinese name"]).map(CellValue.text)]
            rows += UnitVocabulary.levels.map { [.text($0.0.rawValue), .text($0.zh)] }
            rows.append([])
            rows.append((zh ? ["报送频次", "中文名称"] : ["reporting class", "Chinese name"]).map(CellValue.text))
            rows += UnitVocabulary.reportingClasses.map { [.text($0.0.rawValue), .text($0.zh)] }
        }
        rows.append([])
        rows.append((zh ? ["省级行政区划代码", "名称"] : ["province code", "name"]).map(CellValue.text))
        for province in ProvinceTable.bundled.provinces {
            rows.append([.text(province.code), .text(zh ? province.nameZh : province.nameEn)])
        }
        return rows
    }

    static func instructions(_ kind: Kind, _ language: Language) -> [[CellValue]] {
        let zh = language == .zh
        let title =
            zh
            ? "PeakZero \(["activity": "活动数据", "economic": "经济数据", "units": "单位"][kind.rawValue]!)模板，版本 \(version(kind))"
            : "PeakZero \(kind.rawValue) template, version \(version(kind))"
        var lines = [title]
        switch kind {
        case .activity:
            lines +=
                zh
                ? [
                    "每行一个单位、一个期间、一个品种。必填列：单位代码、期间、品种、数量、计量单位；行政区划代码可不填（取单位登记的区划）。",
                    "期间写作 2024-01（月度）或 2024（年度）；数量为非负数；品种和计量单位见“代码表”。",
                    "类别可不填（按品种默认）；实测低位发热量、单位热值含碳量、碳氧化率仅用于燃料，留空则用缺省值。",
                ]
                : [
                    "One row per unit, period and item. Required: unit, period, item, quantity, uom; region may be left empty (the unit's registered region is used).",
                    "Periods are 2024-01 (a month) or 2024 (a year); quantities are not negative; items and units of measure are on the Lists sheet.",
                    "category may be empty (the item's default); ncv, carbon_content and oxidation_rate are for fuels only, empty means the defaults.",
                ]
        case .economic:
            lines +=
                zh
                ? [
                    "每行一个单位、一个期间。必填列：单位代码、期间，以及工业总产值、增加值、营业收入中至少一项（万元，现价）。",
                    "期间写作 2024-01（月度）或 2024（年度）；金额为非负数。",
                    "价格指数以基期为 100，留空按 100；基期年份留空按该行年份。可比价 = 现价 × 100 ÷ 价格指数。",
                ]
                : [
                    "One row per unit and period. Required: unit, period, and at least one of output_value, value_added and revenue (万元 at current prices).",
                    "Periods are 2024-01 (a month) or 2024 (a year); amounts are not negative.",
                    "price_index is relative to the base year (= 100), empty means 100; base_year empty means the row's year. Constant prices = current × 100 ÷ price_index.",
                ]
        case .units:
            lines +=
                zh
                ? [
                    "每行一个单位。必填列：单位代码、单位名称、层级、行政区划代码（六位）。",
                    "层级为 监管机构、集团、企业 或 设施（或 supervisor、group、enterprise、facility）；上级单位代码填已有单位或本表中的单位，顶层单位留空。",
                    "持股比例为上级单位持有的份额，0 到 1 之间或百分数（如 51%），留空为 1；报送频次为 月报、季报 或 年报，留空为月报。",
                    "替换模式下，已有代码的单位按本表更新；追加模式下已有代码为错误。",
                ]
                : [
                    "One row per unit. Required: code, name, level, region_code (six digits).",
                    "level is supervisor, group, enterprise or facility (or 监管机构, 集团, 企业, 设施); parent_code names a stored unit or one in this sheet, empty for a top-level unit.",
                    "ownership_share is the parent's share, between 0 and 1 or a percentage (51%), empty means 1; reporting_class is monthly, quarterly or yearly, empty means monthly.",
                    "In replace mode a unit whose code is stored is updated from the sheet; in append mode that is an error.",
                ]
        }
        lines.append(
            zh
                ? "导入前可先试运行：系统逐行检查并列出每个错误所在的工作表、行和列，不写入任何数据。"
                : "Try a dry run first: every row is checked and each error is listed with its sheet, row and column; nothing is written."
        )
        return lines.map { [.text($0)] }
    }
}
