import Accounting
import Assets
import Footprint
import Foundation
import Governance
import Reports

/// Gathers the climate section of a sustainability report from what is stored: the GHG inventory
/// report (with Scope 3), the targets set on the unit and below it judged for the year, the
/// reduction projects' savings in the year, the carbon assets surrendered and retired in the year,
/// the product footprints of the subtree computed now, and the narrative saved for the year.
public struct ClimateDisclosureSource: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// The most product footprints one section computes: each is a solve, and a section lists the
    /// declared products, not a catalogue.
    static let maxFootprints = 50

    /// `StoreError.conflict` when no inventory of the year covers the unit.
    public func report(
        unitID: Int64, year: Int, method: Scope2Method = .location, scope: AccessScope, language: Language
    ) async throws -> ClimateDisclosure {
        let inventory = try await InventoryReportSource(database).report(
            unitID: unitID, year: year, method: method, language: language)
        let units = try await UnitStore(database).list(under: unitID, scope: scope)
        let codes = Dictionary(units.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let targets = try await SupervisorReportSource.targetLines(
            board: GovernanceBoard(database, currentYear: year), units: codes, scope: scope, language: language,
            database)
        let library = try await FactorSetStore(database).library()
        guard let heat = library.entry(.standardCoalHeat, item: ""),
            case .energyPerCoal(let rate) = heat.value
        else { throw StoreError.conflict("the factor library has no heat of standard coal") }
        return ClimateDisclosure(
            basis: .init(unitCode: inventory.basis.unitCode, unitName: inventory.basis.unitName, year: year),
            inventory: inventory, targets: targets,
            reductions: try await reductions(unitID: unitID, year: year, method: method, language: language),
            assetUse: try await assetUse(unitID: unitID, year: year),
            footprints: try await footprints(unitID: unitID, library: library, gwp: GWPSet(parsing: inventory.basis.gwpSet) ?? .ar6),
            narrative: try await ReportNarrativeStore(database).narrative(unitID: unitID, year: year),
            standardCoalHeat: .init(
                id: heat.id, kind: heat.kind.rawValue, item: heat.item, value: heat.value.number, unit: heat.unitText,
                grade: heat.grade.rawValue, source: heat.source, year: heat.year),
            gigajoulesPerTce: rate.value(in: .gigajoule, per: .tonneCoalEquivalent),
            baseYear: try await baseYear(unitID: unitID, scope: scope))
    }

    /// The base year of the unit's own reduction target, else the first year an inventory covers
    /// the unit; with that year's Scope 1 and 2 from its roll-up. Nil when no inventory covers it.
    func baseYear(unitID: Int64, scope: AccessScope) async throws -> ClimateDisclosure.BaseYear? {
        let targets = try await TargetStore(database).list(scope: scope, subject: .unit(unitID))
        var chosen = targets.compactMap { stored -> Int? in
            if case .reduction(_, let year) = stored.target.kind { return year }
            return nil
        }.min().map { ($0, "target") }
        let rollups = RollupStore(database)
        if chosen == nil {
            let years = Set(try await InventoryStore(database).list().map(\.year)).sorted()
            for year in years {
                if (try? await rollups.rollup(.unit(id: unitID, approach: .control), year: year, previousYear: false))
                    != nil
                {
                    chosen = (year, "first_inventory")
                    break
                }
            }
        }
        guard let (year, by) = chosen,
            let rollup = try? await rollups.rollup(.unit(id: unitID, approach: .control), year: year, previousYear: false)
        else { return nil }
        return .init(
            year: year, chosenBy: by, scope1T: rollup.totals.scope1.value(in: .tonneCO2e),
            scope2LocationT: rollup.totals.scope2LocationBased.value(in: .tonneCO2e),
            scope2MarketT: rollup.totals.scope2MarketBased.value(in: .tonneCO2e))
    }

    /// Projects in service by the year (built, operating or closed after it), with the year's
    /// savings: planned, and verified where the year was measured.
    func reductions(unitID: Int64, year: Int, method: Scope2Method, language: Language) async throws
        -> [ClimateDisclosure.Reduction]
    {
        let projects = try await ProjectStore(database).list(under: unitID).filter {
            $0.firstYear <= year && [.operating, .closed].contains($0.stage)
        }
        var measures: [Int64: String] = [:]
        for id in Set(projects.compactMap(\.measureId)) {
            measures[id] = (try? await MeasureStore(database).measure(id: id))?.title
        }
        return try await ProjectFigures.load(projects, in: database, rate: 0.08, method: method).compactMap { figures in
            guard let assessment = figures.assessment else { return nil }
            let verified = assessment.verified.flatMap { $0.year == year ? $0 : nil }
            return .init(
                unitCode: figures.stored.unitCode, code: figures.stored.code, name: figures.stored.name,
                stage: figures.stored.stage.name(in: language), firstYear: figures.stored.firstYear,
                plannedT: assessment.planned.avoided(method).value(in: .tonneCO2e),
                verifiedT: verified?.avoided(method).value(in: .tonneCO2e),
                plannedTce: assessment.planned.energyEquivalent.value(in: .tonneCoalEquivalent),
                measure: figures.stored.measureId.flatMap { measures[$0] })
        }
    }

    /// What the subtree surrendered and retired on days of the year, by instrument.
    func assetUse(unitID: Int64, year: Int) async throws -> [ClimateDisclosure.AssetUse] {
        var totals: [String: Int64] = [:]
        for stored in try await AssetLedgerStore(database).entries(under: unitID) {
            let event = stored.event
            guard [.surrender, .retire].contains(event.action), event.day.description.hasPrefix("\(year)-") else {
                continue
            }
            totals["\(event.lot.kind.rawValue)\u{1}\(event.action.rawValue)", default: 0] += event.quantity
        }
        return totals.map { key, quantity in
            let parts = key.split(separator: "\u{1}").map(String.init)
            return .init(instrument: parts[0], action: parts[1], quantity: quantity)
        }
    }

    /// The subtree's product footprints, each per its declared unit; a model that cannot be computed
    /// now (a factor set removed since) is left out.
    func footprints(unitID: Int64, library: FactorLibrary, gwp: GWPSet) async throws
        -> [ClimateDisclosure.ProductFootprint]
    {
        let factors = LibraryFactors(library: library, gwp: gwp)
        return try await FootprintModelStore(database).list(under: unitID).prefix(Self.maxFootprints).compactMap {
            stored in
            guard let calculation = try? FootprintCalculation(SystemMatrices.build(stored.model, factors: factors))
            else { return nil }
            let declared = stored.model.declaredUnit
            return .init(
                modelId: stored.id, unitCode: stored.unitCode, name: stored.name,
                declaredUnit: "\(declared.amount) \(declared.unit.symbol)", footprintKg: calculation.result().total)
        }
    }
}
