/// The choices that, with the records and the factor library, fully determine an inventory.
public struct CalculationOptions: Sendable, Equatable {
    /// GWP set for non-CO2 gases. Default AR5, the set current GHG Protocol inventories use.
    public var gwp: GWPSet
    /// Which scope-2 figure enters the total. Both are always reported.
    public var scope2: Scope2Method
    /// Which NDRC default fuel-parameter set to prefer; the other fills its gaps.
    public var fuelParameters: FuelParameterSet

    public init(gwp: GWPSet = .ar5, scope2: Scope2Method = .location, fuelParameters: FuelParameterSet = .ndrc2015) {
        self.gwp = gwp
        self.scope2 = scope2
        self.fuelParameters = fuelParameters
    }
}
