import Accounting

/// What stops a plan from running, and the field it is in: `policy: areas.industry.intensity_change[2065]`.
public struct ScenarioProblem: Error, Sendable, Equatable {
    public enum Kind: String, MessageKey {
        case unknownParent, inheritanceCycle, duplicateScenario, duplicateLever
        case yearOutsideHorizon, horizonTooLate, horizonBeforeBase, noHorizon
        case missingBase, negativeBaseValue, unknownCarrier, sharesDoNotSumToOne, rateTooLow, negativeFactor
        case leverOutsideHorizon, negativeValue, unknownScenario
        /// The plan gives no base year, or the stored statistics cannot make it.
        case noBaseGiven, incompleteStatistics, regionMismatch
        /// A unit's plan cannot make its base year from the unit's stored inventory and economic records.
        case noUnitInventory, unitsWithoutArea, noUnitActivity, unitPlanNamesRegion
        /// More scenarios, carriers or levers than a plan may hold (`ScenarioSet.maximum…`).
        case tooManyScenarios, tooManyCarriers, tooManyLevers
        /// A figure outside what a plan can mean (and what keeps every result finite).
        case outOfRange
    }

    /// The scenario's id (nil for the base year's figures).
    public let scenario: String?
    /// The field, as a path into the scenario.
    public let field: String
    public let kind: Kind
    /// The figures the message names (a year, a sum, the horizon).
    public let arguments: [String: String]

    public init(scenario: String?, field: String, _ kind: Kind, _ arguments: [String: String] = [:]) {
        self.scenario = scenario
        self.field = field
        self.kind = kind
        self.arguments = arguments
    }

    public func text(_ language: Language) -> String {
        let place = [scenario, field.isEmpty ? nil : field].compactMap { $0 }.joined(separator: (language == .zh ? "：" : ": "))
        var arguments = arguments
        // An area is named in the reader's language.
        if let area = arguments["area"].flatMap(PlanningArea.init(rawValue:)) { arguments["area"] = area.name(language) }
        return place + (language == .zh ? "：" : ": ") + Self.catalogue.text(kind, language, arguments)
    }

    public static let catalogue = Catalogue<Kind>(
        zh: [
            .unknownParent: "上级情景“{parent}”不存在",
            .inheritanceCycle: "情景继承形成循环：{cycle}",
            .duplicateScenario: "情景标识重复",
            .duplicateLever: "措施标识“{lever}”重复",
            .yearOutsideHorizon: "年份 {year} 不在规划期 {base}–{horizon} 内",
            .horizonTooLate: "规划期末 {horizon} 年晚于 2060 年",
            .horizonBeforeBase: "规划期末 {horizon} 年不晚于基准年 {base} 年",
            .noHorizon: "基准情景须给出规划期末年份",
            .missingBase: "缺少基准年 {base} 年的数据",
            .negativeBaseValue: "基准年数值不能为负数：{value}",
            .unknownCarrier: "能源品种“{carrier}”不在基准年的品种中",
            .sharesDoNotSumToOne: "{year} 年各品种占比之和为 {sum}，应为 1",
            .rateTooLow: "{year} 年的变化率 {value} 不能小于等于 −100%",
            .negativeFactor: "{year} 年的因子 {value} 不能为负数",
            .leverOutsideHorizon: "措施起始年 {year} 不在规划期 {base}–{horizon} 内",
            .negativeValue: "数值不能为负数：{value}",
            .unknownScenario: "没有情景“{scenario}”",
            .noBaseGiven: "规划须给出 base（基准年数据），或给出 region 和 base_year 以读取已导入的区域统计数据",
            .incompleteStatistics: "地区 {region} 的 {year} 年区域统计数据不全（缺地区生产总值或能源消费，或缺当年的排放因子）",
            .regionMismatch: "规划的地区 {given} 与所保存的地区 {region} 不一致",
            .noUnitInventory: "没有覆盖单位 {unit} {year} 年能源消费的清单；请先计算该年的清单",
            .unitsWithoutArea: "以下单位有能源消费，但其国民经济行业代码（GB/T 4754）不能归入六大领域：{units}；请补全行业代码",
            .noUnitActivity: "{area}领域 {year} 年有能源消费，但没有增加值或工业总产值（经济数据）",
            .unitPlanNamesRegion: "单位的规划不应给出地区（region）：其基准年取自单位的清单",
            .tooManyScenarios: "规划有 {count} 个情景，最多 {maximum} 个",
            .outOfRange: "数值 {value} 超出范围（{minimum} 至 {maximum}）",
            .tooManyCarriers: "基准年有 {count} 个能源品种，最多 {maximum} 个",
            .tooManyLevers: "情景有 {count} 项措施（含继承），最多 {maximum} 项",
        ],
        en: [
            .unknownParent: "there is no parent scenario \"{parent}\"",
            .inheritanceCycle: "the scenarios inherit in a cycle: {cycle}",
            .duplicateScenario: "the scenario id is used twice",
            .duplicateLever: "the lever id \"{lever}\" is used twice",
            .yearOutsideHorizon: "the year {year} is outside the horizon {base}–{horizon}",
            .horizonTooLate: "the horizon {horizon} is later than 2060",
            .horizonBeforeBase: "the horizon {horizon} is not after the base year {base}",
            .noHorizon: "the baseline must give its horizon",
            .missingBase: "no figures for the base year {base}",
            .negativeBaseValue: "a base-year figure cannot be negative: {value}",
            .unknownCarrier: "the carrier \"{carrier}\" is not among the base year's carriers",
            .sharesDoNotSumToOne: "the shares of {year} sum to {sum}, not 1",
            .rateTooLow: "the rate {value} of {year} cannot be −100 % or less",
            .negativeFactor: "the factor {value} of {year} cannot be negative",
            .leverOutsideHorizon: "the lever's start year {year} is outside the horizon {base}–{horizon}",
            .negativeValue: "the figure cannot be negative: {value}",
            .unknownScenario: "there is no scenario \"{scenario}\"",
            .noBaseGiven: "the plan must give its base year under \"base\", or \"region\" and \"base_year\" to read the imported regional statistics",
            .incompleteStatistics: "the regional statistics of {region} for {year} are incomplete (no GDP, no energy, or no emission factor for that year)",
            .regionMismatch: "the plan's region {given} is not the region {region} it is saved for",
            .noUnitInventory: "no inventory of {year} covers the energy use of unit {unit}; compute that year's inventory first",
            .unitsWithoutArea: "these units use energy but their industry code (GB/T 4754) places them in none of the six areas: {units}; complete their industry codes",
            .noUnitActivity: "the {area} area uses energy in {year} but has no value added or output value (economic records)",
            .unitPlanNamesRegion: "a unit's plan names no region: its base year comes from the unit's inventory",
            .tooManyScenarios: "the plan has {count} scenarios; at most {maximum} are allowed",
            .outOfRange: "the figure {value} is outside the range {minimum} to {maximum}",
            .tooManyCarriers: "the base year has {count} carriers; at most {maximum} are allowed",
            .tooManyLevers: "the scenario has {count} levers (with those it inherits); at most {maximum} are allowed",
        ])
}

/// Every problem found in a plan; nothing runs while there is one.
public struct ScenarioProblems: Error, Sendable, Equatable {
    public let problems: [ScenarioProblem]
    public init(_ problems: [ScenarioProblem]) { self.problems = problems }
    public func text(_ language: Language) -> String { problems.map { $0.text(language) }.joined(separator: "\n") }
}
