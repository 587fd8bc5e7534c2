/// Direct emissions of a greenhouse gas (process or fugitive): mass × GWP of the chosen set.
extension LineContext {
    mutating func directGasLine() -> InventoryLine? {
        guard case .mass(let mass) = record.quantity, let species = record.item.gas else { return nil }
        let set = options.gwp
        var gwp: GlobalWarmingPotential?
        if case .emissionsPerMass(let rate) = factor(
            .gwp, item: species.factorItem, variant: set.rawValue, variantIsRequired: true)
        {
            gwp = rate
        } else if species == .ch4Fossil || species == .ch4NonFossil,
            case .emissionsPerMass(let rate) = factor(
                .gwp, item: GasSpecies.ch4.factorItem, variant: set.rawValue, variantIsRequired: true,
                extraNotes: [.singleMethaneGWP(set)])
        {
            gwp = rate
        }
        guard let gwp else {
            missing(.gwp, field: "item", hint: .gasNotInGWPSet(set))
            return nil
        }
        let co2e = gwp.applied(to: mass)
        return make(
            gas: species.reportedGas, gasMass: mass, location: co2e, market: co2e, calorific: .zero, equivalent: .zero)
    }
}
