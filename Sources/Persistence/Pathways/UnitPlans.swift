import Accounting
import Governance
import Pathways
import SQLKit

/// A unit's plan (率先达峰): its base year from the unit's stored inventory and economic records,
/// and the targets set for the unit in target management.
extension UnitHistoryStore {
    /// The plan checked whole for the unit `unitID`; every problem, each naming its field, when it
    /// cannot run. A unit's plan names no region; its base year is given or made from the
    /// inventory of `base_year`.
    public func check(_ file: PlanFile, unitID: Int64) async throws -> CheckedPlan {
        if let region = file.region {
            throw ScenarioProblems([.init(scenario: nil, field: "region", .unitPlanNamesRegion, ["region": region])])
        }
        let base: PlanBase
        if let given = file.base {
            base = given
        } else if let year = file.baseYear {
            base = try await planBase(unitID: unitID, year: year)
        } else {
            throw ScenarioProblems([.init(scenario: nil, field: "base", .noBaseGiven)])
        }
        var checked = try CheckedPlan.checking(file, base: base)
        checked.regionTargets = try await unitTargets(unitID, planBaseYear: base.year)
        return checked
    }

    /// The unit's base year (`UnitPlanBase`) from its energy in the year.
    public func planBase(unitID: Int64, year: Int) async throws -> PlanBase {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        guard let figures = try await energyYear(anchor, year, areas: try await areasOfUnits(below: anchor)) else {
            throw ScenarioProblems([
                .init(scenario: nil, field: "base_year", .noUnitInventory, ["year": "\(year)", "unit": anchor.code])
            ])
        }
        let regional: CarrierFactors
        switch CarrierFactors.derived(
            from: try FactorLibrary.standard(), year: year, province: String(anchor.regionCode.prefix(2)))
        {
        case .success(let found): regional = found
        case .failure:
            throw ScenarioProblems([
                .init(
                    scenario: nil, field: "base_year", .incompleteStatistics,
                    ["region": anchor.regionCode, "year": "\(year)"])
            ])
        }
        return try UnitPlanBase.make(unit: anchor.code, year: year, figures, regional: regional)
    }

    /// The unit's energy in the latest `count` years that an inventory covers (a page's history).
    public func energyHistory(unitID: Int64, count: Int = 15) async throws -> [Int: UnitPlanBase.Year] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let areas = try await areasOfUnits(below: anchor)
        var found: [Int: UnitPlanBase.Year] = [:]
        for year in try await coveredYears(anchor).suffix(count) {
            found[year] = try await energyYear(anchor, year, areas: areas)
        }
        return found
    }

    /// The years an inventory of the unit or of a unit above it was computed for, in order.
    func coveredYears(_ anchor: UnitLookup.Entry) async throws -> [Int] {
        let covering = anchor.path.split(separator: "/").compactMap { Int64($0) }
        return try await database.sql.select().column(SQLDistinct(SQLColumn("year"))).from("inventories")
            .where("unit_id", .in, SQLBind.group(covering)).all().map { try $0.decode(column: "year", as: Int.self) }
            .sorted()
    }

    /// The energy of every unit below the anchor in the latest inventory of the year that covers
    /// it, by area (each unit's industry code, else its nearest ancestor's) and carrier; each area's
    /// value added and output value at constant prices. nil when no inventory covers the year;
    /// `unitsWithoutArea` when a unit using energy has no area.
    func energyYear(_ anchor: UnitLookup.Entry, _ year: Int, areas: UnitAreas) async throws -> UnitPlanBase.Year? {
        let rollups = RollupStore(database)
        guard let inventory = try await rollups.latestInventory(coveringUnit: anchor, year: year) else { return nil }
        let filter = RollupStore.Filter.unit(anchor, .control)
        var cells: [UnitPlanBase.Cell] = []
        var unplaced: Set<String> = []
        for line in try await rollups.lineCells(filter: filter, inventories: [inventory]) where line.calorific > 0 {
            guard let carrier = RegionalCarrier(item: line.item) else { continue }
            guard let area = areas.area(of: line.path) else {
                unplaced.insert(areas.code(of: line.path))
                continue
            }
            cells.append(
                .init(
                    area: area, carrier: carrier, energy: line.calorific, equivalent: line.equivalent,
                    co2: line.location))
        }
        guard unplaced.isEmpty else {
            throw ScenarioProblems([
                .init(
                    scenario: nil, field: "base_year", .unitsWithoutArea,
                    ["units": unplaced.sorted().joined(separator: ", ")])
            ])
        }
        var economy: [PlanningArea: UnitPlanBase.Economy] = [:]
        for cell in try await rollups.economicCells(filter: filter, year: year) {
            guard let area = areas.area(of: cell.path) else { continue }
            var sum = economy[area] ?? .init()
            if let added = cell.valueAdded { sum.valueAdded = (sum.valueAdded ?? 0) + added }
            if let output = cell.outputValue { sum.outputValue = (sum.outputValue ?? 0) + output }
            economy[area] = sum
        }
        return UnitPlanBase.Year(cells: cells, economy: economy)
    }

    /// Each unit below the anchor (and the anchor) with its area: its own industry code's, else
    /// that of its nearest ancestor that has one.
    struct UnitAreas {
        let areas: [String: PlanningArea]
        let codes: [String: String]

        func area(of path: String) -> PlanningArea? {
            var ids = path.split(separator: "/").map(String.init)
            while let last = ids.last {
                if let area = areas[last] { return area }
                ids.removeLast()
            }
            return nil
        }

        func code(of path: String) -> String {
            path.split(separator: "/").last.flatMap { codes[String($0)] } ?? path
        }
    }

    func areasOfUnits(below anchor: UnitLookup.Entry) async throws -> UnitAreas {
        struct Row: Decodable {
            let id: Int64
            let code: String
            let industryCode: String?
        }
        // The anchor's ancestors count too: an enterprise without a code takes its group's.
        let ancestors = anchor.path.split(separator: "/").compactMap { Int64($0) }
        let rows = try await database.sql.select().columns("id", "code", "industry_code").from("units")
            .where(group: { $0.where("path", .like, SQLBind(anchor.path + "%")).orWhere("id", .in, SQLBind.group(ancestors)) })
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        var areas: [String: PlanningArea] = [:]
        var codes: [String: String] = [:]
        for row in rows {
            codes[String(row.id)] = row.code
            if let area = row.industryCode.flatMap(PlanningArea.init(industryCode:)) { areas[String(row.id)] = area }
        }
        return UnitAreas(areas: areas, codes: codes)
    }

    /// The targets set for the unit itself that its plan can be judged against, named as they
    /// were set: caps on energy (当量值, nothing deducted), on carbon (location-based, green power not
    /// deducted) and on coal, intensity reductions per value added, and peak years. A target measured
    /// otherwise is left out: the plan projects energy at 当量值 and location-based CO2 of energy.
    /// A reduction from a year before the plan's base year takes that year's intensity from the
    /// unit's inventory; one whose year has no inventory is left out, as it cannot be judged; so is
    /// one that ends by the plan's base year.
    func unitTargets(_ unitID: Int64, planBaseYear: Int) async throws -> [PlanTarget] {
        let stored = try await TargetStore(database).list(scope: .everything, subject: .unit(unitID))
        var targets: [PlanTarget] = []
        for target in stored {
            let rule = target.target
            let basis = rule.basis
            let plain = basis.energyBasis == .calorific && !basis.deductGreenPower && basis.deductions.isEmpty
            let id = "target-\(target.id)"
            switch (rule.kind, rule.indicator) {
            case (.cap(let amount), .energyTotal) where plain:
                targets.append(.init(id: id, indicator: .energyTotal, year: rule.lastYear, value: amount.value, name: target.name))
            case (.cap(let amount), .carbonTotal) where plain && basis.scope2 == .location:
                targets.append(.init(id: id, indicator: .carbonTotal, year: rule.lastYear, value: amount.value, name: target.name))
            case (.cap(let amount), .coalTotal):
                targets.append(.init(id: id, indicator: .coalTotal, year: rule.lastYear, value: amount.value, name: target.name))
            case (.reduction(let fraction, let baseYear), .energyIntensity) where plain && basis.economicBase == .valueAdded,
                (.reduction(let fraction, let baseYear), .carbonIntensity)
            where plain && basis.economicBase == .valueAdded && basis.scope2 == .location:
                let indicator: PlanTarget.Indicator = rule.indicator == .energyIntensity ? .energyIntensity : .carbonIntensity
                var value: Double?
                if baseYear < planBaseYear {
                    guard let known = try await intensity(unitID, indicator, baseYear) else { continue }
                    value = known
                }
                targets.append(
                    .init(
                        id: id, indicator: indicator, year: rule.lastYear, value: fraction, name: target.name,
                        baseYear: baseYear, baseValue: value))
            case (.peak(let year), _):
                targets.append(.init(id: id, indicator: .peakBy, year: year, name: target.name))
            default: continue
            }
        }
        // A target of the base year or before is the past's: progress judges it, not the plan.
        return targets.filter { $0.year > planBaseYear }
    }

    /// The unit's energy or carbon intensity per value added in a year, from its inventory.
    func intensity(_ unitID: Int64, _ indicator: PlanTarget.Indicator, _ year: Int) async throws -> Double? {
        let rollup: Rollup
        do {
            rollup = try await RollupStore(database).rollup(.unit(id: unitID, approach: .control), year: year, previousYear: false)
        } catch StoreError.conflict { return nil }
        let totals = rollup.totals
        return indicator == .energyIntensity
            ? totals.energyIntensity(per: .valueAdded)?.value
            : totals.carbonIntensity(per: .valueAdded, method: .location)?.value
    }
}
