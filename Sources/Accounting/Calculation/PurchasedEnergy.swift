/// Purchased electricity and heat (scope 2).
extension LineContext {
    /// Location-based: MWh × the average factor of the unit's province for the activity's year.
    /// Market-based: green power (and electricity against which green certificates were retired)
    /// counts zero; the rest × the national factor excluding market-traded non-fossil power, so
    /// green power is not counted twice.
    mutating func electricityLine() -> InventoryLine? {
        guard case .energy(let electricity) = record.quantity else { return nil }
        let province = record.region.provinceCode
        let year = record.period.year

        var location: Emissions?
        if case .emissionsPerEnergy(let grid) = factor(
            .gridAverage, item: "electricity", province: province, year: year,
            extraNotes: retiredCertificates.map { [.certificatesRetired(lot: $0)] } ?? [])
        {
            location = grid.applied(to: electricity)
        } else {
            missing(.gridAverage, field: "region", hint: .notInLibrary)
        }

        var market: Emissions?
        if record.category == .greenPower || retiredCertificates != nil {
            market = .zero
        } else if case .emissionsPerEnergy(let residual) = factor(
            .gridExcludingMarketNonFossil, item: "electricity", province: nil, year: year)
        {
            market = residual.applied(to: electricity)
        } else {
            missing(.gridExcludingMarketNonFossil, field: "period", hint: .notInLibrary)
        }

        var calorific: StandardCoal?
        if let coal = factor(.coalCoefficient, item: "electricity")?.standardCoal(of: record.quantity) {
            calorific = coal
        } else {
            missing(.coalCoefficient, field: "item", hint: .notInLibrary)
        }

        // GB 30251-2024 表A.2: 电力(等价值) 按上年电厂发电标准煤耗计算.
        var equivalent: StandardCoal?
        if let coal = factor(
            .coalRate, item: "electricity", year: year - 1, extraNotes: [.previousYearCoalRate(activityYear: year)]
        )?.standardCoal(of: record.quantity) {
            equivalent = coal
        } else {
            missing(.coalRate, field: "period", hint: .notInLibrary)
        }

        guard let location, let market, let calorific, let equivalent else { return nil }
        return make(gas: "CO2", location: location, market: market, calorific: calorific, equivalent: equivalent)
    }

    /// GJ × the heat factor (0.11 tCO2/GJ by default, or a supplier's factor from a user set).
    mutating func heatLine() -> InventoryLine? {
        guard case .energy(let heat) = record.quantity else { return nil }
        var emissions: Emissions?
        if case .emissionsPerEnergy(let rate) = factor(.heat, item: "heat") {
            emissions = rate.applied(to: heat)
        } else {
            missing(.heat, field: "item", hint: .notInLibrary)
        }
        var calorific: StandardCoal?
        if let coal = factor(.coalCoefficient, item: "heat", extraNotes: [.heatEquivalentIsCalorific])?
            .standardCoal(of: record.quantity)
        {
            calorific = coal
        } else {
            missing(.coalCoefficient, field: "item", hint: .notInLibrary)
        }
        guard let emissions, let calorific else { return nil }
        return make(gas: "CO2", location: emissions, market: emissions, calorific: calorific, equivalent: calorific)
    }
}
