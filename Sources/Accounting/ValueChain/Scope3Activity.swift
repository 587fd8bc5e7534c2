/// One Scope 3 row as a sheet gives it: an activity of a category (with its method, quantities and
/// factor), or a category excluded with the reason why.
public struct Scope3Activity: Sendable, Equatable, Codable {
    public var category: Scope3Category
    public var method: Scope3Method?
    public var description: String?
    /// A physical quantity, a count, or t·km / p·km, in `unit`.
    public var quantity: Double?
    public var unit: String?
    /// Freight: the mass carried and how far (their product is the t·km).
    public var massTonnes: Double?
    public var distanceKm: Double?
    /// Spend: the amount in `currency` at prices of `priceYear`.
    public var spend: Double?
    public var currency: String?
    public var priceYear: Int?
    /// Units of the factor's currency per one unit of the row's currency.
    public var exchangeRate: Double?
    /// The factor's price year's prices per the row's price year's (a deflator, e.g. 0.92).
    public var priceIndex: Double?
    /// Emissions the supplier reports for what was bought: the whole of a supplier-specific row, or
    /// the supplier's allocated Scope 1 and 2 of a hybrid one.
    public var supplierTonnes: Double?
    /// A factor in the factor sets, by id.
    public var factorID: String?
    /// A product footprint PeakZero computed, by its model's id.
    public var footprintModelID: Int64?
    public var tier: DataQualityTier?
    /// Set when the row excludes its category; then the row holds nothing else.
    public var excludedReason: String?

    public init(category: Scope3Category) { self.category = category }

    public var isExclusion: Bool { excludedReason != nil }
}

/// The factor a row uses, resolved from the factor sets or from a product footprint, kept as
/// written (value and unit text) so that a stored row reads back the same factor.
public struct Scope3Factor: Sendable, Equatable, Codable {
    /// The factor's id, or `footprint:<model id>`.
    public let reference: String
    public let value: Double
    public let unit: String
    public let source: String
    /// A spend factor's price year.
    public let priceYear: Int?

    public init(reference: String, rate: ValueChainRate, source: String, priceYear: Int?) {
        self.reference = reference
        value = rate.value
        unit = rate.symbol
        self.source = source
        self.priceYear = priceYear
    }

    /// The value with its units; nil only when a stored unit was altered outside PeakZero.
    public var valueChainRate: ValueChainRate? { ValueChainRate(value, unit: unit) }

    /// A factor-set entry of kind `value_chain` as a row's factor; nil for any other kind.
    public init?(_ entry: FactorEntry) {
        guard case .valueChain(let rate) = entry.value else { return nil }
        self.init(
            reference: entry.id, rate: rate, source: entry.source + (entry.year.map { " (\($0))" } ?? ""),
            priceYear: entry.year)
    }
}
