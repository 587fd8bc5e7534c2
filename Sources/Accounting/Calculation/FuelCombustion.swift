/// Fuel combustion (NDRC guidelines; GB/T 32150-2015): E = FC × NCV × CC × OF × 44/12,
/// with measured NCV, CC and OF overriding the defaults.
extension LineContext {
    /// tCO2 per tC: the ratio of the molar masses of CO2 (44) and C (12), as the guidelines write it.
    static let co2PerCarbon = Rate<EmissionUnit, CarbonMassUnit>(44.0 / 12.0, .tonneCO2e, per: .tonneCarbon)

    mutating func fuelCombustionLine() -> InventoryLine? {
        let preferredSet = options.fuelParameters.rawValue
        let heat = fuelHeat(preferredSet: preferredSet)

        var carbonContent = record.measured.carbonContent
        if let measured = carbonContent {
            recordMeasured(.carbonContent, .carbonPerEnergy(measured))
        } else if case .carbonPerEnergy(let rate) = factor(.carbonContent, variant: preferredSet) {
            carbonContent = rate
        } else {
            missing(.carbonContent, field: "carbon_content", hint: .giveMeasuredValue(column: "carbon_content"))
        }

        var oxidation = record.measured.oxidationRate
        if let measured = oxidation {
            recordMeasured(.oxidationRate, .fraction(measured))
        } else if case .fraction(let fraction) = factor(.oxidationRate, variant: preferredSet) {
            oxidation = fraction
        } else {
            missing(.oxidationRate, field: "oxidation_rate", hint: .giveMeasuredValue(column: "oxidation_rate"))
        }

        guard let heat, let carbonContent, let oxidation else { return nil }
        let carbon = carbonContent.applied(to: heat) * oxidation.value
        let co2 = Self.co2PerCarbon.applied(to: carbon)
        let calorific = fuelStandardCoal(heat: heat)
        return make(gas: "CO2", heat: heat, location: co2, market: co2, calorific: calorific, equivalent: calorific)
    }

    /// The heat of the fuel: quantity × NCV, or the quantity itself when given in GJ or tce.
    private mutating func fuelHeat(preferredSet: String) -> Energy? {
        switch record.quantity {
        case .energy(let heat):
            return heat
        case .standardCoal(let coal):
            guard case .energyPerCoal(let perCoal) = factor(.standardCoalHeat) else {
                missing(.standardCoalHeat, field: "uom", hint: .notInLibrary)
                return nil
            }
            return perCoal.applied(to: coal)
        case .mass, .volume:
            if let measured = record.measured.netCalorificValue {
                recordMeasured(.ncv, measured.factorValue)
                return measured.heat(of: record.quantity)
            }
            guard let ncv = factor(.ncv, variant: preferredSet), let heat = ncv.heat(of: record.quantity) else {
                missing(.ncv, field: "ncv", hint: .giveMeasuredValue(column: "ncv"))
                return nil
            }
            return heat
        }
    }

    /// 当量值 of a fuel (GB/T 2589): from the measured heat when the NCV was measured, else the
    /// Appendix A coefficient, else the default heat; each ÷ 29 307 kJ/kgce.
    private mutating func fuelStandardCoal(heat: Energy) -> StandardCoal {
        if case .standardCoal(let coal) = record.quantity { return coal }
        if record.measured.netCalorificValue == nil, record.quantity.dimension != .energy,
            let coefficient = library.lookup(.coalCoefficient, item: record.item.code),
            let coal = coefficient.entry.value.standardCoal(of: record.quantity)
        {
            factors.append(
                FactorUse(
                    kind: .coalCoefficient, value: coefficient.entry.value, entry: coefficient.entry,
                    notes: coefficient.notes))
            return coal
        }
        guard case .energyPerCoal(let perCoal) = factor(.standardCoalHeat, extraNotes: [.coalEquivalentFromHeat]) else {
            return .zero
        }
        return StandardCoal(heat.value(in: perCoal.numerator) / perCoal.value, perCoal.denominator)
    }
}

extension NetCalorificValue {
    var factorValue: FactorValue {
        switch self {
        case .perMass(let r): .energyPerMass(r)
        case .perVolume(let r): .energyPerVolume(r)
        }
    }
}

extension FactorValue {
    /// The heat in `quantity` when this is an NCV of the quantity's dimension.
    func heat(of quantity: PhysicalQuantity) -> Energy? {
        switch (self, quantity) {
        case (.energyPerMass(let r), .mass(let q)): r.applied(to: q)
        case (.energyPerVolume(let r), .volume(let q)): r.applied(to: q)
        default: nil
        }
    }

    /// The standard coal in `quantity` when this is a coefficient of the quantity's dimension.
    func standardCoal(of quantity: PhysicalQuantity) -> StandardCoal? {
        switch (self, quantity) {
        case (.coalPerMass(let r), .mass(let q)): r.applied(to: q)
        case (.coalPerVolume(let r), .volume(let q)): r.applied(to: q)
        case (.coalPerEnergy(let r), .energy(let q)): r.applied(to: q)
        default: nil
        }
    }
}
