/// The result for one activity record, with every factor it used (its lineage).
public struct InventoryLine: Sendable {
    public let record: ActivityRecord
    public let scope: Scope
    /// The gas the emissions are reported under (`CO2`, `CH4`, `SF6` …).
    public let gas: String
    /// The mass of gas emitted, for records of a gas.
    public let gasMass: Mass?
    /// The heat of the fuel burned, for fuel records.
    public let heat: Energy?
    /// Emissions, CO2e. Scope 1 lines carry the same value in both methods.
    public let locationBased: Emissions
    public let marketBased: Emissions
    /// Energy in standard coal, at 当量值 (calorific) and at 等价值 (primary-energy equivalent).
    public let energyCalorific: StandardCoal
    public let energyEquivalent: StandardCoal
    public let factors: [FactorUse]

    public func emissions(_ method: Scope2Method) -> Emissions {
        method == .market ? marketBased : locationBased
    }

    /// The worst grade among the library factors this line used.
    public var weakestGrade: Grade? { factors.compactMap { $0.entry?.grade }.max() }
}
