/// Fuel combustion (NDRC guidelines; GB/T 32150-2015): E = FC × NCV × CC × OF × 44/12,
/// with measured NCV, CC and OF overriding the defaults.
extension LineContext {
    /// tCO2 per tC: the ratio of the molar masses of CO2 (44) and C (12), as the guidelines write it.
    static let co2PerCarbon = Rate<EmissionUnit, CarbonMassUnit>(44.0 / 12.0, .tonneCO2e, per: .tonneCarbon)

    mutating func fuelCombustionLine() -> InventoryLine? {
        let preferredSet = options.fuelParameters.rawValue
        let heat = fuelHeat(preferredSet: preferredSet)

        let carbonContent = parameter(
            .carbonContent, measured: record.measured.carbonContent, preferredSet: preferredSet,
            field: "carbon_content", wrap: FactorValue.carbonPerEnergy
        ) { value in
            if case .carbonPerEnergy(let rate) = value { rate } else { nil }
        }
        let oxidation = parameter(
            .oxidationRate, measured: record.measured.oxidationRate, preferredSet: preferredSet,
            field: "oxidation_rate", wrap: FactorValue.fraction
        ) { value in
            if case .fraction(let fraction) = value { fraction } else { nil }
        }

        guard let heat, let carbonContent, let oxidation else { return nil }
        let carbon = carbonContent.applied(to: heat) * oxidation.value
        let co2 = Self.co2PerCarbon.applied(to: carbon)
        let calorific = fuelStandardCoal(heat: heat)
        return make(gas: "CO2", heat: heat, location: co2, market: co2, calorific: calorific, equivalent: calorific)
    }

    /// A measured value when the record has one, else the library's; a missing one is reported.
    private mutating func parameter<Value>(
        _ kind: FactorKind, measured: Value?, preferredSet: String, field: String,
        wrap: (Value) -> FactorValue, unwrap: (FactorValue) -> Value?
    ) -> Value? {
        if let measured {
            recordMeasured(kind, wrap(measured))
            return measured
        }
        if let found = factor(kind, variant: preferredSet).flatMap(unwrap) { return found }
        missing(kind, field: field, hint: .giveMeasuredValue(column: field))
        return nil
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
            let coefficient = cache.lookup(.coalCoefficient, item: record.item.code),
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
