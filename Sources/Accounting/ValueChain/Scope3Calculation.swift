/// A Scope 3 row calculated: its emissions, the amount its factor multiplied, and the factor.
public struct Scope3Line: Sendable, Equatable, Codable {
    public let tonnes: Double
    /// The amount in the factor's basis (t, t·km, CNY at the factor's price year …), when a factor was used.
    public let basisAmount: Double?
    public let factor: Scope3Factor?
    /// The supplier's figure in the total (supplier-specific or hybrid rows).
    public let supplierTonnes: Double?
}

/// What is wrong with a Scope 3 row, at the field it is about.
public struct Scope3Problem: Error, Sendable, Equatable {
    public let field: String
    public let zh: String
    public let en: String

    public init(_ field: String, zh: String, en: String) {
        self.field = field
        self.zh = zh
        self.en = en
    }

    public func reason(_ language: Language) -> String { language == .zh ? zh : en }
}

/// Scope 3 emissions of one row by its method (GHG Protocol, Technical Guidance for Calculating
/// Scope 3 Emissions, 2013): supplier-specific = the supplier's figure, or quantity × the supplier's
/// product factor; hybrid = the supplier's allocated Scope 1 and 2 + quantity × a secondary factor;
/// average-data and fuel-based = quantity × factor; spend-based = spend × exchange rate × price
/// index × factor; distance-based = t·km (or p·km) × factor. Every problem of the row is reported.
public enum Scope3Calculation {
    public static func line(_ row: Scope3Activity, factor: Scope3Factor?) -> Result<Scope3Line, Scope3Failure> {
        var problems: [Scope3Problem] = []
        for (field, value) in [
            ("quantity", row.quantity), ("mass", row.massTonnes), ("distance", row.distanceKm), ("spend", row.spend),
            ("supplier_emissions", row.supplierTonnes), ("exchange_rate", row.exchangeRate),
            ("price_index", row.priceIndex),
        ] {
            if let value, !(value >= 0 && value.isFinite) {
                problems.append(.init(field, zh: "不能为负数", en: "must not be negative"))
            }
        }
        if let rate = row.exchangeRate, rate == 0 { problems.append(.init("exchange_rate", zh: "不能为 0", en: "must not be 0")) }
        if let index = row.priceIndex, index == 0 { problems.append(.init("price_index", zh: "不能为 0", en: "must not be 0")) }
        if row.isExclusion {
            return exclusion(row, problems)
        }
        guard let method = row.method else {
            problems.append(.init("method", zh: "缺少计算方法(或在“排除理由”中说明为何不计)", en: "the method is missing (or give the reason the category is excluded)"))
            return .failure(Scope3Failure(problems))
        }
        if row.tier == nil { problems.append(.init("tier", zh: "缺少数据质量等级(1–4)", en: "the data quality tier (1–4) is missing")) }
        if row.factorID != nil, row.footprintModelID != nil {
            problems.append(.init("footprint_model", zh: "因子编号与碳足迹模型只能填一个", en: "give a factor id or a footprint model, not both"))
        }
        var tonnes = 0.0
        var supplier: Double?
        var basisAmount: Double?
        switch method {
        case .supplierSpecific:
            if let given = row.supplierTonnes {
                if factor != nil {
                    problems.append(.init("supplier_emissions", zh: "已填供应商排放量时不再乘因子", en: "with the supplier's emissions given, no factor is applied"))
                }
                supplier = given
                tonnes = given
            } else if factor == nil {
                problems.append(.init("supplier_emissions", zh: "供应商特定法需要供应商提供的排放量、产品因子或碳足迹模型", en: "the supplier-specific method needs the supplier's emissions, a product factor or a footprint model"))
            }
        case .hybrid:
            if let given = row.supplierTonnes {
                supplier = given
                tonnes = given
            } else {
                problems.append(.init("supplier_emissions", zh: "混合法需要供应商分摊的范围一、二排放量", en: "the hybrid method needs the supplier's allocated Scope 1 and 2 emissions"))
            }
        case .averageData, .fuelBased, .spendBased, .distanceBased:
            if factor == nil {
                problems.append(.init("factor_id", zh: "\(method.name(in: .zh))需要排放因子", en: "the \(method.name(in: .en)) method needs an emission factor"))
            }
        }
        if let factor, let rate = factor.valueChainRate {
            switch amount(row, method: method, in: factor, rate: rate) {
            case .success(let amount):
                basisAmount = amount
                tonnes += amount * rate.tonnesPerBasisUnit
            case .failure(let failure):
                problems += failure.problems
            }
        } else if let factor {
            problems.append(.init("factor_id", zh: "因子 \(factor.reference) 的单位 \(factor.unit) 无法识别", en: "factor \(factor.reference)'s unit \(factor.unit) cannot be read"))
        }
        guard problems.isEmpty else { return .failure(Scope3Failure(problems)) }
        return .success(Scope3Line(tonnes: tonnes, basisAmount: basisAmount, factor: factor, supplierTonnes: supplier))
    }

    static func exclusion(_ row: Scope3Activity, _ problems: [Scope3Problem]) -> Result<Scope3Line, Scope3Failure> {
        var problems = problems
        if row.excludedReason?.trimmed.isEmpty ?? true {
            problems.append(.init("excluded_reason", zh: "排除理由不能为空", en: "the reason for the exclusion is empty"))
        }
        let filled = [
            ("method", row.method != nil), ("quantity", row.quantity != nil), ("spend", row.spend != nil),
            ("supplier_emissions", row.supplierTonnes != nil), ("factor_id", row.factorID != nil),
            ("footprint_model", row.footprintModelID != nil),
        ]
        for (field, given) in filled where given {
            problems.append(.init(field, zh: "排除某一类别的行不填此项", en: "a row that excludes its category leaves this empty"))
        }
        guard problems.isEmpty else { return .failure(Scope3Failure(problems)) }
        return .success(Scope3Line(tonnes: 0, basisAmount: nil, factor: nil, supplierTonnes: nil))
    }

    /// The row's amount in the factor's basis, as its method measures it.
    static func amount(_ row: Scope3Activity, method: Scope3Method, in factor: Scope3Factor, rate: ValueChainRate)
        -> Result<Double, Scope3Failure>
    {
        let basis = rate.basis
        func fail(_ field: String, zh: String, en: String) -> Result<Double, Scope3Failure> {
            .failure(Scope3Failure([.init(field, zh: zh, en: en)]))
        }
        switch (method, basis) {
        case (.spendBased, .money(let currency)):
            return spend(row, in: currency, priceYear: factor.priceYear)
        case (.spendBased, _):
            return fail("factor_id", zh: "支出法需要按货币计的因子(如 kgCO2e/元),\(factor.reference) 按 \(basis.symbol) 计", en: "the spend-based method needs a factor per unit of money (e.g. kgCO2e/CNY); \(factor.reference) is per \(basis.symbol)")
        case (.distanceBased, .freight), (.distanceBased, .passenger):
            if row.quantity == nil, basis == .freight, let mass = row.massTonnes, let distance = row.distanceKm {
                return .success(mass * distance)
            }
            return physical(row, basis: basis, factor: factor)
        case (.distanceBased, _):
            return fail("factor_id", zh: "距离法需要按 t·km 或 p·km 计的因子,\(factor.reference) 按 \(basis.symbol) 计", en: "the distance-based method needs a factor per t·km or p·km; \(factor.reference) is per \(basis.symbol)")
        case (_, .money), (_, .freight), (_, .passenger):
            return fail("factor_id", zh: "\(method.name(in: .zh))需要按实物量计的因子,\(factor.reference) 按 \(basis.symbol) 计", en: "the \(method.name(in: .en)) method needs a factor per physical unit; \(factor.reference) is per \(basis.symbol)")
        default:
            return physical(row, basis: basis, factor: factor)
        }
    }

    /// The quantity in the basis's unit: the same dimension, converted; t·km, p·km and pieces as they are.
    static func physical(_ row: Scope3Activity, basis: ValueChainBasis, factor: Scope3Factor) -> Result<
        Double, Scope3Failure
    > {
        guard let quantity = row.quantity else {
            let extra = basis == .freight ? "(或货物质量与运输距离)" : ""
            let extraEn = basis == .freight ? " (or the mass and the distance)" : ""
            return .failure(Scope3Failure([.init("quantity", zh: "缺少活动量\(extra)", en: "the quantity is missing\(extraEn)")]))
        }
        let unitText = row.unit ?? ""
        guard let given = ValueChainBasis(parsing: unitText) else {
            return .failure(Scope3Failure([.init("uom", zh: unitText.isEmpty ? "缺少计量单位" : "无法识别的计量单位“\(unitText)”", en: unitText.isEmpty ? "the unit is missing" : "unknown unit “\(unitText)”")]))
        }
        switch (given, basis) {
        case (.physical(let unit), .physical(let factorUnit)) where unit.dimension == factorUnit.dimension:
            return .success(PhysicalQuantity(quantity, unit).baseValue / PhysicalQuantity(1, factorUnit).baseValue)
        case (.count, .count), (.freight, .freight), (.passenger, .passenger):
            return .success(quantity)
        default:
            return .failure(Scope3Failure([.init("uom", zh: "计量单位 \(given.symbol) 与因子 \(factor.reference) 的 \(basis.symbol) 不是同一种量", en: "the unit \(given.symbol) does not measure what factor \(factor.reference)'s \(basis.symbol) does")]))
        }
    }

    /// Spend in the factor's currency and price year: converted by the row's exchange rate when the
    /// currencies differ and by its price index when the price years do; refused when either is missing.
    static func spend(_ row: Scope3Activity, in currency: Currency, priceYear: Int?) -> Result<Double, Scope3Failure> {
        var problems: [Scope3Problem] = []
        guard let spend = row.spend else {
            return .failure(Scope3Failure([.init("spend", zh: "支出法需要支出金额", en: "the spend-based method needs the amount spent")]))
        }
        let currencyText = row.currency ?? ""
        let rowCurrency = Currency(parsing: currencyText)
        if rowCurrency == nil {
            problems.append(.init("currency", zh: currencyText.isEmpty ? "缺少币种" : "无法识别的币种“\(currencyText)”", en: currencyText.isEmpty ? "the currency is missing" : "unknown currency “\(currencyText)”"))
        }
        if row.priceYear == nil { problems.append(.init("price_year", zh: "缺少价格年份", en: "the price year is missing")) }
        if priceYear == nil {
            problems.append(.init("factor_id", zh: "支出因子未注明价格年份(因子集的 year 列)", en: "the spend factor gives no price year (the factor set's year column)"))
        }
        guard let rowCurrency, let rowYear = row.priceYear, let priceYear, problems.isEmpty else {
            return .failure(Scope3Failure(problems))
        }
        var amount = spend * rowCurrency.scale / currency.scale
        if rowCurrency.code != currency.code {
            if let rate = row.exchangeRate {
                amount *= rate
            } else {
                problems.append(.init("exchange_rate", zh: "支出币种 \(rowCurrency.code) 与因子币种 \(currency.code) 不同,需要汇率", en: "the spend is in \(rowCurrency.code) and the factor in \(currency.code): an exchange rate is needed"))
            }
        }
        if rowYear != priceYear {
            if let index = row.priceIndex {
                amount *= index
            } else {
                problems.append(.init("price_index", zh: "支出价格年份 \(rowYear) 与因子价格年份 \(priceYear) 不同,需要价格换算系数", en: "the spend is at \(rowYear) prices and the factor at \(priceYear) prices: a price index is needed"))
            }
        }
        return problems.isEmpty ? .success(amount) : .failure(Scope3Failure(problems))
    }
}

public struct Scope3Failure: Error, Sendable, Equatable {
    public let problems: [Scope3Problem]
    init(_ problems: [Scope3Problem]) { self.problems = problems }
}
