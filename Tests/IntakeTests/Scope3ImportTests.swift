import Accounting
import Footprint
import Foundation
import Intake
import Persistence
import PersistenceTestSupport
import Reports
import SQLKit
import Testing

/// Scope 3 rows from spreadsheets: each method calculated as worked by hand here, factors from a
/// user's factor set or a stored product footprint, bad cells named by row and column with nothing
/// kept, a replacing file superseding its units' years — and none of it in Scope 1 and 2's totals.
@Suite("Importing Scope 3 rows")
struct Scope3ImportTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "P", name: "Pump plant", level: "enterprise", parentCode: "G", regionCode: "510104"),
        NewUnit(code: "X", name: "Other group", level: "group", regionCode: "330106"),
    ]

    static let factorSet = """
        id,kind,item,region,variant,year,value,unit,grade,source
        VC-STEEL,value_chain,steel,,,2024,2.1,tCO2e/t,S,supplier average (test)
        VC-SPEND,value_chain,services,,,2020,0.5,kgCO2e/CNY,S,EEIO table (test)
        VC-TRUCK,value_chain,road freight,,,2024,0.1,kgCO2e/tkm,S,freight (test)

        """

    /// By hand: 250 t × 2.1 = 525; USD 1,000,000 × 7.1 × 0.9 × 0.0005 = 3,195; 20 t × 1,500 km ×
    /// 0.0001 = 3; the supplier's 84.2; 1,000 cells × 2.5 kg (the stored model) = 2.5 — category 1
    /// holds 525 + 3,195 + 84.2 + 2.5 = 3,806.7, category 4 holds 3; category 14 is excluded.
    static func sheet(modelID: Int64) -> String {
        """
        unit,year,category,method,description,quantity,uom,mass,distance,spend,currency,price_year,exchange_rate,price_index,supplier_emissions,factor_id,footprint_model,tier,excluded_reason
        P,2024,1,average_data,steel plate,250,t,,,,,,,,,VC-STEEL,,3,
        P,2024,1,spend_based,maintenance services,,,,,1000000,USD,2024,7.1,0.9,,VC-SPEND,,4,
        P,2024,C4,distance_based,inbound trucks,,,20,1500,,,,,,,VC-TRUCK,,2,
        P,2024,外购商品和服务,supplier_specific,castings,,,,,,,,,,84.2,,,1,
        P,2024,1,supplier_specific,cells,1000,件,,,,,,,,,,\(modelID),1,
        P,2024,14,,,,,,,,,,,,,,,,no franchises

        """
    }

    static let cell = ProductModel(
        name: "cell", declaredUnit: DeclaredUnit(process: "cell", amount: 1, unit: .items), boundary: .cradleToGate,
        processes: [
            ProcessModel(
                id: "cell", name: "cell assembly", stage: .production,
                output: ProductOutput(product: "cell", amount: 1, unit: .items),
                emissions: [Emission(flow: "CO2", amount: 2.5, unit: FlowUnit(parsing: "kg")!)])
        ])

    static func importing(
        _ csv: String, mode: ImportReport.Mode = .append, dryRun: Bool = false, scope: AccessScope = .everything,
        into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        try await FileImport(db).run(
            try IntakeFile(data: Data(csv.utf8), name: "scope3.csv"), mode: mode, dryRun: dryRun, language: .en,
            createdBy: "rex", today: AssetImportTests.today, scope: scope)
    }

    static func prepared(_ db: PeakZeroDatabase) async throws -> (group: Int64, modelID: Int64) {
        let units = try await UnitStore(db).create(Self.units)
        _ = try await FactorSetStore(db).add(name: "value-chain", csv: Self.factorSet)
        let plant = units.first { $0.code == "P" }!
        let model = try await FootprintModelStore(db).save(Self.cell, unitID: plant.id)
        return (units.first { $0.code == "G" }!.id, model.id)
    }

    @Test("each method by hand; a dry run keeps nothing; replacing supersedes the unit's year", arguments: TestDatabases.locations)
    func methodsByHand(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await AuditActor.$current.withValue(.commandLine(user: "tester")) {
                let (group, modelID) = try await Self.prepared(db)
                let sheet = Self.sheet(modelID: modelID)
                let dry = try await Self.importing(sheet, dryRun: true, into: db)
                #expect(AssetImportTests.found(dry) == [] && dry.rowsValid == 6 && dry.rowsWritten == 0, "\(AssetImportTests.found(dry))")
                #expect(try await AssetImportTests.count("scope3_records", db) == 0)

                let report = try await Self.importing(sheet, into: db)
                #expect(AssetImportTests.found(report) == [] && report.rowsWritten == 6)
                let summary = try await Scope3Store(db).summary(under: group, year: 2024)
                #expect(summary.categories.map(\.category) == [1, 4])
                #expect(abs(summary.categories[0].tonnes - 3_806.7) < 1e-9)
                #expect(abs(summary.categories[1].tonnes - 3) < 1e-12)
                #expect(abs(summary.upstreamTonnes - 3_809.7) < 1e-9 && summary.downstreamTonnes == 0)
                #expect(summary.exclusions.map(\.category) == [14])
                #expect(summary.notAssessed == [2, 3, 5, 6, 7, 8, 9, 10, 11, 12, 13, 15])
                let records = try await Scope3Store(db).records(under: group, year: 2024)
                let cells = try #require(records.first { $0.activity.description == "cells" })
                #expect(cells.line.factor?.reference == "footprint:\(modelID)")
                #expect(abs(cells.line.tonnes - 2.5) < 1e-12)
                let spend = try #require(records.first { $0.activity.method == .spendBased })
                #expect(spend.line.factor?.source == "EEIO table (test) (2020)")
                let audit = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 20, in: db)
                #expect(audit.filter { $0.action == AuditAction.scope3Imported.rawValue }.count == 1)

                let replacement = """
                    unit,year,category,method,supplier_emissions,tier
                    P,2024,2,supplier_specific,10,2

                    """
                let replaced = try await Self.importing(replacement, mode: .replace, into: db)
                #expect(replaced.rowsSuperseded == 6 && replaced.rowsWritten == 1)
                let after = try await Scope3Store(db).summary(under: group, year: 2024)
                #expect(after.categories.map(\.category) == [2] && after.totalTonnes == 10)
            }
        }
    }

    @Test("bad rows are named by row and column, and nothing is kept", arguments: TestDatabases.locations)
    func badRowsNamed(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await AuditActor.$current.withValue(.commandLine(user: "tester")) {
                _ = try await Self.prepared(db)
                let sheet = """
                    unit,year,category,method,quantity,uom,spend,currency,price_year,factor_id,tier,excluded_reason
                    P,2024,,average_data,1,t,,,,VC-STEEL,2,
                    P,2024,16,average_data,1,t,,,,VC-STEEL,2,
                    P,2024,1,spend_based,,,1000,EUR,2020,VC-SPEND,2,
                    P,2024,5,,3,t,,,,,,landfill is minor
                    P,2024,1,average_data,1,t,,,,NO-SUCH,2,
                    Q,2024,1,average_data,1,t,,,,VC-STEEL,2,
                    P,2024,1,average_data,1,t,,,,VC-STEEL,2,

                    """
                let report = try await Self.importing(sheet, into: db)
                let found = AssetImportTests.found(report)
                #expect(report.rowsWritten == 0)
                #expect(found.count == 6, "\(found)")
                #expect(found.contains { $0.hasPrefix("2 category") })
                #expect(found.contains { $0.hasPrefix("3 category") })
                #expect(found.contains { $0.hasPrefix("4 exchange_rate") && $0.contains("EUR") })
                #expect(found.contains { $0.hasPrefix("5 quantity") })
                #expect(found.contains { $0.hasPrefix("6 factor_id") && $0.contains("NO-SUCH") })
                #expect(found.contains { $0.hasPrefix("7 unit") })
                #expect(try await AssetImportTests.count("scope3_records", db) == 0)
            }
        }
    }

    @Test("Scope 3 stays out of Scope 1 and 2, the dual-control totals and the four indicators; the report shows it beside them")
    func absentFromTotals() async throws {
        try await TestDatabases.withDemoDatabase { db in
            try await AuditActor.$current.withValue(.commandLine(user: "tester")) {
                let enterprise = try await UnitStore(db).unit(code: "DEMO-G1-E1")
                let supervisor = try await UnitStore(db).unit(code: "DEMO-SC-SASAC")
                let before = try await RollupStore(db).rollup(.unit(id: supervisor.id, approach: .control), year: 2024)
                let reportBefore = try await InventoryReportSource(db).report(unitID: enterprise.id, year: 2024, language: .en)
                let sheet = """
                    unit,year,category,method,supplier_emissions,tier
                    DEMO-G1-E1,2024,1,supplier_specific,1000000,1

                    """
                let imported = try await Self.importing(sheet, into: db)
                #expect(AssetImportTests.found(imported) == [] && imported.rowsWritten == 1)
                let after = try await RollupStore(db).rollup(.unit(id: supervisor.id, approach: .control), year: 2024)
                #expect(after.totals == before.totals)
                let report = try await InventoryReportSource(db).report(unitID: enterprise.id, year: 2024, language: .en)
                #expect(report.total == reportBefore.total)
                #expect(report.scope3?.totalTonnes == 1_000_000)
                #expect(reportBefore.scope3?.isEmpty == true)
            }
        }
    }
}
