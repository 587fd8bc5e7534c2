import Accounting

/// Why a ledger entry is refused, naming the field (as the API, the form and the template call it).
public struct LedgerProblem: Error, Sendable, Equatable {
    public let field: String
    public let kind: Kind
    public let arguments: [String: String]

    public init(field: String, kind: Kind, arguments: [String: String] = [:]) {
        self.field = field
        self.kind = kind
        self.arguments = arguments
    }

    public enum Kind: String, Sendable, MessageKey {
        case account, quantity, price, vintage, certificateMonth, reference, monthOnlyForCertificates
        case insufficient, surrenderNeedsYear, lateSurrender, notSurrenderable, borrowOnlyAllowances
        case retireNeedsPeriod, certificateExpired, retiredBefore, transferToItself, day, notOneOf, ruleField, ruleSource, ruleValue, ruleTaken
        case noBenchmark, allocationTwice, outputName, outputQuantity, correction, outputOnlyForBenchmark
        case beyondPlausible
    }

    /// `field: what is wrong`, in the reader's language.
    public func message(_ language: Language) -> String { FieldMessage.join(field, reason(language), language) }

    /// What is wrong, without the field (an import names the row and column instead).
    public func reason(_ language: Language) -> String { Self.catalogue.text(kind, language, arguments) }
}

/// Every problem of one entry (or of a transfer's two), thrown together: nothing is kept.
public struct LedgerProblems: Error, Sendable, Equatable {
    public let problems: [LedgerProblem]
    public init(_ problems: [LedgerProblem]) { self.problems = problems }
}

extension LedgerProblem {
    public static let catalogue = Catalogue<Kind>(
        zh: [
            .beyondPlausible: "数值超出任何实际的范围(绝对值不能超过 10¹²)",
            .account: "须填写账户(持有单位的代码)",
            .quantity: "数量须为正整数(核定分配的调减可为负，但不能为 0)",
            .price: "价格须为不小于 0 的数字(元/单位)",
            .vintage: "年度须在 2005 至 2100 之间",
            .certificateMonth: "绿证须填写电量生产月份(1–12)",
            .reference: "CCER 须填写项目编号，地方配额须填写试点市场代码",
            .monthOnlyForCertificates: "只有绿证按生产月份记账",
            .insufficient: "{day} 持有的 {lot} 为 {held}，不足 {wanted}；余额不能为负",
            .surrenderNeedsYear: "清缴须注明履约年度",
            .lateSurrender: "{year} 年度的清缴截止日为 {deadline}；逾期补缴须勾选“逾期”",
            .notSurrenderable: "绿证不能用于配额清缴",
            .borrowOnlyAllowances: "只有全国碳排放配额可以预支",
            .retireNeedsPeriod: "绿证注销须注明所抵扣的用电期间(如 2025 或 2025-06)",
            .certificateExpired: "{lot} 已于 {expiry} 过期(绿证自生产月起两年有效)",
            .retiredBefore: "{lot} 中已有 {retired} 张注销，注销过的绿证不能再次买入或注销",
            .transferToItself: "转出与转入账户不能相同",
            .day: "日期须写作 YYYY-MM-DD",
            .notOneOf: "须为以下之一：{allowed}",
            .ruleField: "规则编号不能为空，最长 40 个字符",
            .ruleSource: "须注明来源(文件名称、文号或网址)",
            .ruleValue: "取值不符合 {parameter} 的要求(比例 0–1、日期 YYYY-MM-DD、年份、true/false、月数，或基准值的正数)",
            .ruleTaken: "编号 {id} 已被使用",
            .outputName: "须填写产出名称（如 electricity_supplied），不超过 40 个字符，同一年度不重复",
            .outputQuantity: "产出量须为不小于 0 的数字",
            .correction: "修正系数须大于 0 且不超过 10（PeakZero 的合理性上限）",
            .outputOnlyForBenchmark: "只有基准值（benchmark）规则填写产出名称",
            .allocationTwice: "配额量与产出量只能填写其一：填写产出量时配额按基准值计算",
            .noBenchmark: "没有 {sector} 行业 {year} 年“{output}”的基准值规则；请先录入（注明来源），或直接填写配额量",
        ],
        en: [
            .beyondPlausible: "the number is beyond any real figure (its magnitude must not exceed 10¹²)",
            .account: "name the account (the holding unit's code)",
            .quantity: "the quantity must be a positive whole number (a final allocation's true-up may be negative, not 0)",
            .price: "the price must be a number not below 0 (CNY per instrument)",
            .vintage: "the year must lie between 2005 and 2100",
            .certificateMonth: "a green certificate needs its production month (1–12)",
            .reference: "a CCER lot needs its project number, a pilot allowance its market's code",
            .monthOnlyForCertificates: "only green certificates are kept by production month",
            .insufficient: "on {day} the account holds {held} of {lot}, less than {wanted}; a balance cannot go negative",
            .surrenderNeedsYear: "a surrender names the compliance year it counts for",
            .lateSurrender: "the deadline for {year} was {deadline}; a late surrender must be marked late",
            .notSurrenderable: "green certificates cannot be surrendered for compliance",
            .borrowOnlyAllowances: "only national allowances can be borrowed ahead",
            .retireNeedsPeriod: "a certificate's retirement names the electricity period it covers (e.g. 2025 or 2025-06)",
            .certificateExpired: "{lot} expired on {expiry} (certificates are valid two years from their production month)",
            .retiredBefore: "{retired} certificates of {lot} were retired already; a retired certificate cannot be bought or retired again",
            .transferToItself: "a transfer needs two different accounts",
            .day: "write the date as YYYY-MM-DD",
            .notOneOf: "must be one of {allowed}",
            .ruleField: "a rule's id may not be empty nor longer than 40 characters",
            .ruleSource: "name the source (the document, its number or its address)",
            .ruleValue: "the value does not fit {parameter} (a share 0–1, a date YYYY-MM-DD, a year, true/false, months, or a positive benchmark)",
            .ruleTaken: "the id {id} is taken",
            .outputName: "name the output (e.g. electricity_supplied), at most 40 characters, once per year",
            .outputQuantity: "the output must be a number not below 0",
            .correction: "a correction factor must be above 0 and at most 10 (PeakZero's plausibility bound)",
            .outputOnlyForBenchmark: "only a benchmark rule names an output",
            .allocationTwice: "enter the allocation or the outputs, not both: with outputs the allocation comes from the benchmarks",
            .noBenchmark: "no rule record gives a benchmark for “{output}” in {sector}, {year}; enter one (with its source) or enter the allocation itself",
        ])
}
