import Accounting
import Spreadsheet

/// The Scope 3 template's lists: the fifteen categories, the methods with the columns each needs,
/// the data quality tiers.
enum Scope3Template {
    static func lists(_ language: Language) -> [[CellValue]] {
        func header(_ key: IntakeWords) -> [CellValue] { language.lines(key).map(CellValue.text) }
        let zh = language == .zh
        var rows = [header(.listsScope3CategoryHeader)]
        rows += Scope3Category.allCases.map { category in
            [
                .number(Double(category.rawValue)), .text(category.name(in: language)),
                .text(category.isUpstream ? (zh ? "上游" : "upstream") : (zh ? "下游" : "downstream")),
            ]
        }
        rows.append([])
        rows.append(header(.listsScope3MethodHeader))
        rows += Scope3Method.allCases.map { method in
            [.text(method.rawValue), .text(method.name(in: language)), .text(columns(method, zh: zh))]
        }
        rows.append([])
        rows.append(header(.listsScope3TierHeader))
        rows += DataQualityTier.allCases.map { [.number(Double($0.rawValue)), .text($0.name(in: language))] }
        return rows
    }

    static func columns(_ method: Scope3Method, zh: Bool) -> String {
        switch method {
        case .supplierSpecific:
            zh
                ? "供应商提供的排放量；或活动量、计量单位与排放因子编号或碳足迹模型编号"
                : "supplier_emissions; or quantity, uom and factor_id or footprint_model"
        case .hybrid:
            zh
                ? "供应商提供的排放量(分摊的范围一、二)，另可加活动量、计量单位、排放因子编号"
                : "supplier_emissions (allocated Scope 1 and 2), plus quantity, uom, factor_id if any"
        case .averageData, .fuelBased: zh ? "活动量、计量单位、排放因子编号" : "quantity, uom, factor_id"
        case .spendBased:
            zh
                ? "支出金额、币种、价格年份、排放因子编号；需要时汇率、价格换算系数"
                : "spend, currency, price_year, factor_id; exchange_rate, price_index when needed"
        case .distanceBased:
            zh
                ? "活动量(t·km 或 p·km)与计量单位，或货物质量与运输距离；排放因子编号"
                : "quantity (t·km or p·km) and uom, or mass and distance; factor_id"
        }
    }
}
