/// What decides a record's factors: everything about it but its quantity, its month and its unit.
/// Records with the same key find the same factors, so their lines differ only in quantity.
public struct LineKey: Hashable, Sendable {
    public let item: String
    public let category: ActivityCategory
    public let unitOfMeasure: UnitOfMeasure
    public let region: RegionCode
    public let year: Int
    public let ncv: Double?
    public let carbonContent: Double?
    public let oxidationRate: Double?

    public init(_ record: ActivityRecord) {
        item = record.item.code
        category = record.category
        unitOfMeasure = record.quantity.unit
        region = record.region
        year = record.period.year
        ncv = record.measured.netCalorificValue?.value
        carbonContent = record.measured.carbonContent?.value
        oxidationRate = record.measured.oxidationRate?.value
    }
}

/// The line of one unit of quantity (one t, one MWh … in the record's own unit of measure) for a
/// `LineKey`. Every formula of the guidelines is a product of the quantity with factors, so a
/// record's line is its quantity times the template: the factors are looked up once per key, not
/// once per record — a province has millions of records but a few hundred keys.
public struct LineTemplate: Sendable {
    public let scope: Scope
    public let gas: String
    let gasMass: Mass?
    let heat: Energy?
    /// Per unit of quantity.
    public let locationBased: Emissions
    public let marketBased: Emissions
    public let energyCalorific: StandardCoal
    public let energyEquivalent: StandardCoal
    public let factors: [FactorUse]

    init(unitLine line: InventoryLine) {
        scope = line.scope
        gas = line.gas
        gasMass = line.gasMass
        heat = line.heat
        locationBased = line.locationBased
        marketBased = line.marketBased
        energyCalorific = line.energyCalorific
        energyEquivalent = line.energyEquivalent
        factors = line.factors
    }

    /// The line of `record`, whose key must be this template's.
    public func line(for record: ActivityRecord) -> InventoryLine {
        let q = record.quantity.value
        return InventoryLine(
            record: record, scope: scope, gas: gas, gasMass: gasMass.map { $0 * q }, heat: heat.map { $0 * q },
            locationBased: locationBased * q, marketBased: marketBased * q, energyCalorific: energyCalorific * q,
            energyEquivalent: energyEquivalent * q, factors: factors)
    }
}
