import Accounting
import Foundation
import HTTPTypes
import Intake
import Persistence
import Testing

@testable import PeakZeroServer

@Suite("API: pathways")
struct PathwaysAPITests {
    /// Sichuan's 2020 and 2023 (figures of the CLI's history test), and Chengdu's 2023 GDP.
    static let statistics = """
        region,year,area,carrier,energy_tce,value_added,gdp
        510000,2020,industry,coal,60000000,,
        510000,2020,industry,electricity,30000000,,
        510000,2020,transport,oil,20000000,,
        510000,2020,industry,,,180000000,
        510000,2020,transport,,,25000000,
        510000,2020,,,,,485988000
        510000,2023,industry,coal,55000000,,
        510000,2023,industry,electricity,38000000,,
        510000,2023,industry,gas,5000000,,
        510000,2023,transport,oil,22000000,,
        510000,2023,industry,,,205000000,
        510000,2023,transport,,,30000000,
        510000,2023,,,,,601328000
        510100,2023,,,,,220000000
        """

    static func load(_ database: PeakZeroDatabase) async throws {
        let report = try await FileImport(database).run(
            try IntakeFile(data: Data(statistics.utf8), name: "stats.csv"), dryRun: false, language: .en,
            today: Date(timeIntervalSince1970: 1_733_000_000), scope: .everything)
        #expect(report.errors.isEmpty && report.rowsWritten == 14)
    }

    @Test("a province's history by year, CO2 with its factor ids, and its decomposition", arguments: ["sqlite", "postgres"])
    func history(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            try await Self.load(database)
            let answer = try await client.call(.get, "/api/v1/regions/510000/pathway/history")
            #expect(answer.status == .ok)
            let json = answer.json as? [String: Any]
            let years = json?["years"] as? [[String: Any]] ?? []
            #expect(years.map { $0["year"] as? Int } == [2020, 2023])
            // By hand: coal 60 Mt × 2.608352307 + electricity 30 Mt × 0.1255/0.1229 + oil 20 Mt × 2.116727382.
            let expected = 60_000_000 * 2.608352307 + 30_000_000 * (0.1255 / 0.1229) + 20_000_000 * 2.116727382
            let co2 = years.first?["co2_t"] as? Double ?? 0
            #expect(abs(co2 - expected) < 1e-6 * expected)
            let electricityIDs: [String] = (years.first?["factor_ids"] as? [String: [String]])?["electricity"] ?? []
            #expect(electricityIDs.contains("GRID-053"))
            #expect((years.first?["by_area"] as? [String: Any])?.keys.sorted() == ["industry", "transport"])

            let decomposed = try await client.call(.get, "/api/v1/regions/510000/pathway/history?from=2020&to=2023")
            let decomposition = (decomposed.json as? [String: Any])?["decomposition"] as? [String: Any]
            let effects = decomposition?["effects"] as? [String: Double] ?? [:]
            let change = decomposition?["total_change"] as? Double ?? 0
            #expect(effects.count == 5 && abs(effects.values.reduce(0, +) - change) < 1e-6 * abs(change))

            let missingYear = try await client.call(.get, "/api/v1/regions/510000/pathway/history?from=2019&to=2023")
            #expect(missingYear.status.code == 422)
            let badForm = try await client.call(.get, "/api/v1/regions/510000/pathway/history?from=2020&form=x")
            #expect(badForm.status.code == 400)
            #expect(try await client.call(.get, "/api/v1/regions/5100/pathway/history").status.code == 404)
        }
    }

    @Test("a planner granted a city sees that city's history only")
    func scope() async throws {
        try await withAPI("sqlite") { client, database in
            try await Self.load(database)
            let accounts = AccountStore(database, cost: 4)
            let planner = try await accounts.create(
                name: "planner", password: "a long password", grants: [RoleGrant(role: .viewer, regionCode: "510100")])
            let headers: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: planner, name: "t").secret)"
            ]
            for (code, status) in [("510100", 200), ("510000", 404), ("510700", 404)] {
                let answer = try await client.call(.get, "/api/v1/regions/\(code)/pathway/history", headers: headers)
                #expect(answer.status.code == status, "\(code)")
            }
        }
    }

    @Test("a group's history by child and by area from its inventories, decomposed to its change")
    func unitHistory() async throws {
        try await withDemoAPI { client, database in
            let group = try await UnitStore(database).unit(code: "DEMO-G1")
            let base = "/api/v1/units/\(group.id)/pathway/history"
            let byChild = try await client.call(.get, base)
            #expect(byChild.status == .ok && byChild.json.object["by"] as? String == "child")
            let years = try #require(byChild.json.object["years"] as? [[String: Any]])
            #expect(years.compactMap { $0["year"] as? Int } == [2022, 2023, 2024])
            // Each year's children add up to the year's CO2; so do its carriers and process emissions.
            for year in years {
                let children = (year["children"] as? [[String: Any]] ?? []).compactMap { $0["co2_t"] as? Double }
                #expect(RollupAPITests.close(year["co2_t"], children.reduce(0, +)))
                let carriers = (year["by_carrier"] as? [String: [String: Double]] ?? [:]).values.compactMap { $0["co2_t"] }
                let process = year["process_co2_t"] as? Double ?? -1
                #expect(!carriers.isEmpty && RollupAPITests.close(year["co2_t"], carriers.reduce(0, +) + process))
            }
            let byArea = try await client.call(.get, base + "?by=area&from=2022&to=2024")
            let areaYears = try #require(byArea.json.object["years"] as? [[String: Any]])
            #expect(zip(areaYears, years).allSatisfy { RollupAPITests.close($0["co2_t"], $1["co2_t"] as? Double ?? -1) })
            let decomposition = try #require(byArea.json.object["decomposition"] as? [String: Any])
            let effects = (decomposition["effects"] as? [String: Double] ?? [:]).values.reduce(0, +)
            let excluded = (byArea.json.object["excluded_children"] as? [String: Double] ?? [:]).values.reduce(0, +)
            let change = (areaYears.last?["co2_t"] as? Double ?? 0) - (areaYears.first?["co2_t"] as? Double ?? 0)
            #expect(abs(effects + excluded - change) <= 1e-9 * abs(change), "\(effects) + \(excluded) vs \(change)")
            #expect(try await client.call(.get, base + "?by=sector").status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/units/999999/pathway/history").status == .notFound)
        }
    }
}
