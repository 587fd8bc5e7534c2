import Accounting

/// Something wrong with a project as entered, naming the field (as the API, the form and the
/// template call it).
public struct ProjectProblem: Error, Sendable, Equatable {
    public let field: String
    public let kind: Kind
    public let arguments: [String: String]
    /// The factor the library lacks, for `noFactor`.
    public let factor: FactorKind?

    public init(field: String, kind: Kind, arguments: [String: String] = [:], factor: FactorKind? = nil) {
        self.field = field
        self.kind = kind
        self.arguments = arguments
        self.factor = factor
    }

    public enum Kind: String, Sendable, MessageKey {
        case missing, lifetime, year, money, noSavings, unitOfWrongKind, quantity, repeatedItem
        case interactsWithItself, stageMove, unknownInteraction, noFactor, notOneOf, unknownItem, unknownUnit
    }

    /// `field: what is wrong`, in the reader's language.
    public func message(_ language: Language) -> String {
        var arguments = self.arguments
        arguments["field"] = field
        if let factor { arguments["factor"] = factor.name(in: language) }
        return Self.catalogue.text(kind, language, arguments)
    }
}

extension ProjectProblem {
    public static let catalogue = Catalogue<Kind>(
        zh: [
            .missing: "{field}：不能为空",
            .lifetime: "{field}：寿命期须为 1 至 60 年",
            .year: "{field}：投运年份须在 1990 至 2100 之间",
            .money: "{field}：金额须为不小于 0 的数字(万元)",
            .noSavings: "{field}：至少填写一项节约的能源品种或减少的温室气体",
            .unitOfWrongKind: "{field}：计量单位 {unit} 不适用于 {item}",
            .quantity: "{field}：年节约量须为非零数字(多用为负)",
            .repeatedItem: "{field}：{item} 已在本项目中填写过，请合并为一行",
            .interactsWithItself: "{field}：项目不能与自身相互影响",
            .stageMove: "{field}：不能从“{from}”改为“{to}”(阶段只能逐级推进，或关闭)",
            .unknownInteraction: "{field}：本单位没有编号为 {code} 的项目",
            .noFactor: "{field}：因子库中没有 {item} 的{factor}，无法计算节能量和减排量",
            .notOneOf: "{field}：须为以下之一：{allowed}",
            .unknownItem: "{field}：不认识的能源品种或气体“{item}”",
            .unknownUnit: "{field}：不认识的计量单位“{unit}”",
        ],
        en: [
            .missing: "{field}: may not be empty",
            .lifetime: "{field}: the lifetime must be 1 to 60 years",
            .year: "{field}: the first year of operation must lie between 1990 and 2100",
            .money: "{field}: the amount must be a number not below 0 (10^4 CNY)",
            .noSavings: "{field}: name at least one carrier saved or gas reduced",
            .unitOfWrongKind: "{field}: the unit of measure {unit} does not fit {item}",
            .quantity: "{field}: the yearly saving must be a number other than zero (negative for more used)",
            .repeatedItem: "{field}: {item} is already listed in this project; put it on one line",
            .interactsWithItself: "{field}: a project cannot interact with itself",
            .stageMove: "{field}: a project cannot go from “{from}” to “{to}” (one stage forward at a time, or closed)",
            .unknownInteraction: "{field}: this unit has no project with the code {code}",
            .noFactor: "{field}: the factor library has no {factor} for {item}, so the savings cannot be computed",
            .notOneOf: "{field}: must be one of {allowed}",
            .unknownItem: "{field}: “{item}” is no energy carrier or gas PeakZero knows",
            .unknownUnit: "{field}: “{unit}” is no unit of measure PeakZero knows",
        ])
}
