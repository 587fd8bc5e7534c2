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
        case unknownMeasure, beyondPlausible, productFigure, noChange, savingsTwice, carrierNotFuel
    }

    /// `field: what is wrong`, in the reader's language.
    public func message(_ language: Language) -> String { FieldMessage.join(field, reason(language), language) }

    /// What is wrong, without the field (an import names the row and column instead).
    public func reason(_ language: Language) -> String {
        var arguments = self.arguments
        if let factor { arguments["factor"] = factor.name(in: language) }
        return Self.catalogue.text(kind, language, arguments)
    }
}

extension ProjectProblem {
    public static let catalogue = Catalogue<Kind>(
        zh: [
            .beyondPlausible: "数值超出任何实际的范围(绝对值不能超过 10¹²)",
            .missing: "不能为空",
            .lifetime: "寿命期须为 1 至 60 年",
            .year: "投运年份须在 1990 至 2100 之间",
            .money: "金额须为不小于 0 的数字(万元)",
            .noSavings: "至少填写一项节约的能源品种或减少的温室气体",
            .unitOfWrongKind: "计量单位 {unit} 不适用于 {item}",
            .quantity: "年节约量须为非零数字(多用为负)",
            .repeatedItem: "{item} 已在本项目中填写过，请合并为一行",
            .interactsWithItself: "项目不能与自身相互影响",
            .stageMove: "不能从“{from}”改为“{to}”(阶段只能逐级推进，或关闭)",
            .unknownInteraction: "本单位没有编号为 {code} 的项目",
            .noFactor: "因子库中没有 {item} 的{factor}，无法计算节能量和减排量",
            .notOneOf: "须为以下之一：{allowed}",
            .unknownItem: "不认识的能源品种或气体“{item}”",
            .unknownUnit: "不认识的计量单位“{unit}”",
            .unknownMeasure: "本单位及其上级单位的措施清单中没有编号为 {id} 的措施",
            .productFigure: "单位产品综合能耗须为不小于 0 的数字(tce/单位产品)，报告期产量须大于 0",
            .noChange: "各产品的单位产品综合能耗没有变化，没有节能量可记",
            .savingsTwice: "节能量按能源品种填写或按产品单耗法(GB/T 13234)计算，二者只能选一",
            .carrierNotFuel: "{item} 不是燃料：产品单耗法的节能量须折算为某种煤(如烟煤、无烟煤)的吨标准煤",
        ],
        en: [
            .beyondPlausible: "the number is beyond any real figure (its magnitude must not exceed 10¹²)",
            .missing: "may not be empty",
            .lifetime: "the lifetime must be 1 to 60 years",
            .year: "the first year of operation must lie between 1990 and 2100",
            .money: "the amount must be a number not below 0 (10^4 CNY)",
            .noSavings: "name at least one carrier saved or gas reduced",
            .unitOfWrongKind: "the unit of measure {unit} does not fit {item}",
            .quantity: "the yearly saving must be a number other than zero (negative for more used)",
            .repeatedItem: "{item} is already listed in this project; put it on one line",
            .interactsWithItself: "a project cannot interact with itself",
            .stageMove: "a project cannot go from “{from}” to “{to}” (one stage forward at a time, or closed)",
            .unknownInteraction: "this unit has no project with the code {code}",
            .noFactor: "the factor library has no {factor} for {item}, so the savings cannot be computed",
            .notOneOf: "must be one of {allowed}",
            .unknownItem: "“{item}” is no energy carrier or gas PeakZero knows",
            .unknownUnit: "“{unit}” is no unit of measure PeakZero knows",
            .unknownMeasure: "no measure {id} on the list of this unit or a unit above it",
            .productFigure:
                "energy per unit of product must be a number not below 0 (tce per unit) and the reporting period's output above 0",
            .noChange: "no product's energy per unit changed, so there is no saving to record",
            .savingsTwice: "give the savings by carrier or by the product method (GB/T 13234), not both",
            .carrierNotFuel: "{item} is no fuel: the product method's saving is counted as tce of a coal (bituminous_coal, anthracite …)",
        ])
}
