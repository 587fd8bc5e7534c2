/// A scenario's running figures, advanced a year at a time.
struct ScenarioState {
    let base: PlanBase
    let scenario: ResolvedScenario
    var gdp: Double
    var gdpGrowth = 0.0
    var activity: [PlanningArea: Double]
    var intensity: [PlanningArea: Double]
    /// Each area's carrier shares as paths through the base year and the mix years, in the
    /// order of the base year's carriers.
    let shares: [PlanningArea: [YearPath]]
    /// Each carrier's emission and 等价值 factors as paths through the base year.
    let emissionFactors: [String: YearPath]
    let equivalentFactors: [String: YearPath]

    init(base: PlanBase, scenario: ResolvedScenario) {
        self.base = base
        self.scenario = scenario
        gdp = base.gdp
        activity = base.areas.mapValues(\.activity)
        intensity = base.areas.mapValues { $0.activity > 0 ? $0.totalEnergy / $0.activity : 0 }
        var shares: [PlanningArea: [YearPath]] = [:]
        for (area, figures) in base.areas {
            let total = figures.totalEnergy
            let mix = scenario.areas[area]?.mix ?? [:]
            shares[area] = base.carriers.map(\.id).map { carrier in
                var points = [base.year: total > 0 ? (figures.energy[carrier] ?? 0) / total : 0]
                for (year, given) in mix { points[year] = given[carrier] ?? 0 }
                return YearPath(points)
            }
        }
        self.shares = shares
        emissionFactors = Dictionary(uniqueKeysWithValues: base.carriers.map { carrier in
            (carrier.id, YearPath([base.year: carrier.emissionFactor]).overlaid(by: scenario.emissionFactors[carrier.id] ?? YearPath([:])))
        })
        equivalentFactors = Dictionary(uniqueKeysWithValues: base.carriers.map { carrier in
            (carrier.id, YearPath([base.year: carrier.equivalentFactor]).overlaid(by: scenario.equivalentFactors[carrier.id] ?? YearPath([:])))
        })
    }

    mutating func advance(to year: Int) {
        gdpGrowth = scenario.gdpGrowth.step(year) ?? 0
        gdp *= 1 + gdpGrowth
        for area in base.areas.keys {
            let drivers = scenario.areas[area]
            activity[area]! *= 1 + growth(of: drivers, in: year)
            intensity[area]! *= 1 + (drivers?.intensityChange.step(year) ?? 0)
        }
    }

    /// The rate or the elasticity, whichever was given for the later year; elasticity 1 when neither.
    func growth(of drivers: AreaDrivers?, in year: Int) -> Double {
        let rateYear = drivers?.activityGrowth.points.keys.filter { $0 <= year }.max()
        let elasticityYear = drivers?.activityElasticity.points.keys.filter { $0 <= year }.max()
        if let rateYear, elasticityYear == nil || elasticityYear! < rateYear {
            return drivers!.activityGrowth.points[rateYear]!
        }
        return (elasticityYear.map { drivers!.activityElasticity.points[$0]! } ?? 1) * gdpGrowth
    }

    func figures(year: Int) -> ScenarioYear {
        var energy: [PlanningArea: [String: Double]] = [:], co2: [PlanningArea: [String: Double]] = [:]
        var avoided: [PlanningArea: Double] = [:], leverCO2: [String: Double] = [:]
        var totalEnergy = 0.0, equivalent = 0.0, coal = 0.0, totalCO2 = 0.0
        // Each carrier's factors of the year, read once for every area.
        let factors = base.carriers.map { emissionFactors[$0.id]!.interpolated(year)! }
        let equivalents = base.carriers.map { equivalentFactors[$0.id]!.interpolated(year)! }
        // In the areas' fixed order, so that every run sums the same way to the last digit.
        for area in PlanningArea.allCases where base.areas[area] != nil {
            let gross = activity[area]! * intensity[area]!
            let areaShares = shares[area]!
            let levers = scenario.levers.filter { $0.area == area }
            var areaEnergy = [String: Double](minimumCapacity: base.carriers.count)
            var areaCO2 = [String: Double](minimumCapacity: base.carriers.count)
            for (index, carrier) in base.carriers.enumerated() {
                let factor = factors[index]
                let planned = gross * (areaShares[index].interpolated(year) ?? 0)
                var left = planned
                for lever in levers where !lever.energySaved.isEmpty {
                    let saving = min(left, (lever.energySaved[carrier.id] ?? 0) * lever.share(in: year))
                    left -= saving
                    leverCO2[lever.id, default: 0] += saving * factor
                }
                areaEnergy[carrier.id] = left
                areaCO2[carrier.id] = left * factor
                totalEnergy += left
                equivalent += left * equivalents[index]
                if carrier.isCoal { coal += left }
                totalCO2 += left * factor
            }
            energy[area] = areaEnergy
            co2[area] = areaCO2
            for lever in levers where lever.co2Avoided > 0 {
                let amount = lever.co2Avoided * lever.share(in: year)
                avoided[area, default: 0] += amount
                leverCO2[lever.id, default: 0] += amount
                totalCO2 -= amount
            }
        }
        return ScenarioYear(
            year: year, gdp: gdp, activity: activity, energy: energy, co2: co2, co2Avoided: avoided, leverCO2: leverCO2,
            totalEnergy: totalEnergy, totalEnergyEquivalent: equivalent, coal: coal, totalCO2: totalCO2)
    }
}
