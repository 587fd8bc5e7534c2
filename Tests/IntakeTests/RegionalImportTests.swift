import Accounting
import Foundation
import Intake
import Pathways
import Persistence
import PersistenceTestSupport
import Testing

@Suite("Importing regional statistics")
struct RegionalImportTests {
    static let today = ActivityImportTests.today  // 2024-11-30

    static func importing(
        _ csv: String, mode: ImportReport.Mode = .append, dryRun: Bool = false, scope: AccessScope = .everything,
        into db: PeakZeroDatabase
    ) async throws -> ImportReport {
        // No kind given: the header row tells it.
        try await FileImport(db).run(
            try IntakeFile(data: Data(csv.utf8), name: "区域统计.csv"), mode: mode, dryRun: dryRun, language: .en,
            createdBy: "planner", today: today, scope: scope)
    }

    /// The three shapes, Chinese headers, area and carrier named in Chinese or by code.
    static let file = """
        地区代码,年份,领域,能源品种,能源消费量（吨标准煤）,增加值（万元，可比价）,地区生产总值（万元，可比价）,常住人口（万人）
        510000,2020,工业,煤炭,8500000,,,
        510000,2020,industry,electricity,2100000,,,
        510000,2020,交通运输,石油,1900000,,,
        510000,2020,工业,,,170000000,,
        510000,2020,,,,,485988000,8371
        """

    @Test("three shapes read, written in one batch with one audit entry, listed by region", arguments: TestDatabases.locations)
    func roundTrip(_ kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let dry = try await Self.importing(Self.file, dryRun: true, into: db)
            #expect(dry.errors.isEmpty && dry.rowsRead == 5 && dry.rowsValid == 5 && dry.rowsWritten == 0)
            let report = try await Self.importing(Self.file, into: db)
            #expect(report.errors.isEmpty && report.rowsWritten == 5)
            let stored = try await RegionalStatisticsStore(db).list(region: RegionPrefix("51")!).map(\.statistic)
            #expect(stored.count == 5)
            #expect(stored.contains(RegionalStatistic(regionCode: "510000", year: 2020, gdp: 485_988_000, population: 8371)))
            #expect(
                stored.contains(
                    RegionalStatistic(regionCode: "510000", year: 2020, area: .industry, carrier: .coal, energyTce: 8_500_000)))
            let entries = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 10, in: db)
            #expect(entries.filter { $0.action == AuditAction.regionalImported.rawValue }.count == 1)
            #expect(try await Self.importing(Self.file, into: db).alreadyImported)
            // Appending the same figures again (another file) is refused; replacing supersedes them.
            let again = Self.file + "\n"
            let refused = try await Self.importing(again, into: db)
            #expect(refused.errors.count == 5 && refused.rowsWritten == 0)
            let replaced = try await Self.importing(again, mode: .replace, into: db)
            #expect(replaced.errors.isEmpty && replaced.rowsSuperseded == 5)
            #expect(try await RegionalStatisticsStore(db).list(region: RegionPrefix("51")!).count == 5)
        }
    }

    @Test("bad rows are named by row and column, and nothing is written")
    func badRows() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            let csv = """
                region,year,area,carrier,energy_tce,value_added,gdp,population
                5100,2020,industry,coal,10,,,
                510000,2030,industry,coal,10,,,
                510000,2020,shipping,coal,10,,,
                510000,2020,industry,coal,-5,,,
                510000,2020,industry,,10,,,
                510000,2021,industry,coal,10,,,
                510000,2021,工业,煤炭,11,,,
                """
            let report = try await Self.importing(csv, into: db)
            let found = report.errors.map { "\($0.row ?? 0) \($0.column ?? "") \($0.problem)" }
            #expect(
                found == [
                    "2 region badRegion(\"5100\")", "3 year futurePeriod(\"2030\")",
                    "4 area notOneOf(\"shipping\", allowed: [\"energy_supply\", \"industry\", \"buildings\", \"transport\", \"agriculture\", \"households\"])",
                    "5 energy_tce negativeQuantity(\"-5\")", "6 area regionalRowShape",
                    "8 region duplicateRegionalRow(firstRow: 7)",
                ])
            #expect(report.rowsWritten == 0)
            #expect(try await RegionalStatisticsStore(db).list(region: RegionPrefix("51")!).isEmpty)
        }
    }

    @Test("a planner granted one city cannot import another's statistics")
    func scope() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            let chengdu = try await AccessScope.readAndWrite(
                of: Account(id: 1, name: "p", createdAt: "", grants: [RoleGrant(role: .manager, regionCode: "510100")]),
                changing: [.manager], in: db
            ).write
            let csv = "region,year,gdp\n510100,2020,100\n510700,2020,50\n"
            let report = try await Self.importing(csv, scope: chengdu, into: db)
            #expect(report.errors.map(\.problem) == [.regionNotGranted("510700")] && report.rowsWritten == 0)
            let own = try await Self.importing("region,year,gdp\n510100,2020,100\n", scope: chengdu, into: db)
            #expect(own.errors.isEmpty && own.rowsWritten == 1)
        }
    }
}

extension RegionalImportTests {
    @Test("the export is the template's layout: imported again in replace mode, it changes nothing")
    func exportRoundTrip() async throws {
        try await TestDatabases.withDatabase("sqlite") { db async throws in
            #expect(try await Self.importing(Self.file, into: db).rowsWritten == 5)
            let before = try await RegionalStatisticsStore(db).list(region: RegionPrefix("51")!).map(\.statistic)
            for language in [Language.zh, .en] {
                let exported = try Exports.data(
                    try await Exports.regional(in: db, region: RegionPrefix("51")!, language: language), format: .xlsx)
                let again = try await FileImport(db).run(
                    try IntakeFile(data: exported, name: "regional-\(language).xlsx"), mode: .replace, dryRun: false,
                    language: .en, today: Self.today, scope: .everything)
                #expect(again.errors.isEmpty && again.rowsSuperseded == 5, "\(again.errors)")
            }
            #expect(try await RegionalStatisticsStore(db).list(region: RegionPrefix("51")!).map(\.statistic) == before)
        }
    }
}
