import Accounting
import Foundation
import HTTPTypes
import Persistence
import Testing

@testable import PeakZeroServer

@Suite("API: a region's plan, roadmap and project reviews")
struct PathwayPlansAPITests {
    /// Three scenarios on the statistics of `PathwaysAPITests` (Sichuan's 2023 as the base year).
    static let plan = """
        {"region": "510000", "base_year": 2023,
         "targets": [{"id": "cap", "indicator": "energy_total", "year": 2030, "value": 200000000},
                     {"id": "peak", "indicator": "peak_by", "year": 2030}],
         "scenarios": [
          {"id": "baseline", "name": "基准", "horizon": 2040, "gdp_growth": {"2024": 0.05}},
          {"id": "policy", "name": "政策", "parent": "baseline",
           "areas": {"industry": {"intensity_change": {"2024": -0.06}}}},
          {"id": "enhanced", "name": "强化", "parent": "policy",
           "emission_factors": {"electricity": {"2040": 0.2}},
           "levers": [{"id": "ccus", "area": "industry", "start_year": 2028, "co2_avoided": 1000000}]}]}
        """

    static let project = """
        {"scenario": "policy", "project": {"name": "扩建（虚构）", "area": "industry", "start_year": 2026,
         "energy": {"coal": 500000}, "value_added": 100000}}
        """

    @Test("a plan is saved, checked, revised and run; a project is reviewed and kept", arguments: ["sqlite", "postgres"])
    func planRoadmapReview(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            try await PathwaysAPITests.load(database)
            let base = "/api/v1/regions/510000/pathway"
            #expect(try await client.call(.get, base + "/plan").status == .notFound)
            #expect(try await client.call(.get, base).status == .notFound)

            let saved = try await client.call(.put, base + "/plan", json: Self.plan)
            #expect(saved.status == .ok)
            #expect((saved.json as? [String: Any])?["revision"] as? Int == 1)
            // A save from a stale revision is refused; one from the current revision goes through.
            #expect(try await client.call(.put, base + "/plan?revision=0", json: Self.plan).status == .conflict)
            #expect(try await client.call(.put, base + "/plan?revision=1", json: Self.plan).status == .ok)

            // A plan that cannot run: every problem by field, nothing saved.
            let cycle = Self.plan.replacingOccurrences(of: #""name": "基准","#, with: #""name": "基准", "parent": "enhanced","#)
            let refused = try await client.call(.put, base + "/plan", json: cycle)
            #expect(refused.status == .unprocessableContent)
            let fields = ((refused.json as? [String: Any])?["error"] as? [String: Any])?["issues"] as? [[String: Any]]
            #expect(fields?.contains { ($0["field"] as? String)?.hasSuffix("parent") == true } == true)
            let unreadable = try await client.call(.put, base + "/plan", json: #"{"scenarios": [{"id": 3}]}"#)
            #expect(unreadable.status == .unprocessableContent)
            #expect(String(describing: unreadable.json).contains("scenarios[0].id"))
            let stored = try await client.call(.get, base + "/plan")
            #expect((stored.json as? [String: Any])?["revision"] as? Int == 2)

            // The roadmap: three scenarios to 2040, each with its peak and targets; the enhanced
            // scenario's effects against the baseline sum to its change (less capture).
            let roadmap = try await client.call(.get, base)
            let document = (roadmap.json as? [String: Any])?["roadmap"] as? [String: Any]
            let scenarios = document?["scenarios"] as? [[String: Any]] ?? []
            #expect(scenarios.map { $0["id"] as? String } == ["baseline", "policy", "enhanced"])
            #expect(scenarios.allSatisfy { ($0["years"] as? [Any])?.count == 18 })
            #expect(scenarios.allSatisfy { ($0["targets"] as? [Any])?.count == 2 })
            let against = scenarios.last?["against_baseline"] as? [String: Any]
            let effects = against?["effects"] as? [String: Double] ?? [:]
            let change = (against?["total_change"] as? Double ?? 0) - (against?["capture_change"] as? Double ?? 0)
            #expect(effects.count == 5 && abs(effects.values.reduce(0, +) - change) <= 1e-9 * abs(change))

            let reviewed = try await client.call(.post, base + "/reviews", json: Self.project)
            #expect(reviewed.status == .created)
            let review = reviewed.json as? [String: Any]
            #expect((review?["judgements"] as? [Any])?.count == 2)
            #expect(review?["plan_revision"] as? Int == 2 && review?["scenario"] as? String == "policy")
            let id = review?["id"] as? Int ?? 0
            #expect(try await client.call(.get, base + "/reviews/\(id)").status == .ok)
            #expect(try await client.call(.get, "/api/v1/regions/510100/pathway/reviews/\(id)").status == .notFound)
            let list = try await client.call(.get, base + "/reviews")
            #expect(((list.json as? [String: Any])?["reviews"] as? [Any])?.count == 1)
            let wrong = Self.project.replacingOccurrences(of: "2026", with: "2060")
            #expect(try await client.call(.post, base + "/reviews", json: wrong).status == .unprocessableContent)
            #expect(try await client.call(.post, "/api/v1/regions/510100/pathway/reviews", json: Self.project).status == .notFound)

            let audit = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 20, in: database)
            #expect(audit.filter { $0.action == AuditAction.planSaved.rawValue }.count == 2)
            #expect(audit.filter { $0.action == AuditAction.projectReviewed.rawValue }.count == 1)
        }
    }

    /// A plan for the county 510104 that gives its own base year.
    static let countyPlan = """
        {"base": {"year": 2023, "gdp": 1000, "carriers": [{"id": "coal", "emission_factor": 2.66, "is_coal": true}],
                  "areas": {"industry": {"activity": 600, "energy": {"coal": 100}}}},
         "scenarios": [{"id": "baseline", "name": "基准", "horizon": 2030}]}
        """

    @Test("a city's manager plans its counties, not others; a city's viewer reads them and changes nothing")
    func scope() async throws {
        try await withAPI("sqlite") { client, database in
            let accounts = AccountStore(database, cost: 4)
            func bearer(_ name: String, _ grant: RoleGrant) async throws -> HTTPFields {
                let account = try await accounts.create(name: name, password: "a long password", grants: [grant])
                return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
            }
            let manager = try await bearer("mia", RoleGrant(role: .manager, regionCode: "510100"))
            let viewer = try await bearer("vic", RoleGrant(role: .viewer, regionCode: "510100"))
            let inside = "/api/v1/regions/510104/pathway", outside = "/api/v1/regions/510703/pathway"
            #expect(try await client.call(.put, inside + "/plan", json: Self.countyPlan, headers: manager).status == .ok)
            #expect(try await client.call(.put, outside + "/plan", json: Self.countyPlan, headers: manager).status == .notFound)
            #expect(try await client.call(.put, outside + "/plan", json: Self.countyPlan).status == .ok)
            #expect(try await client.call(.get, inside, headers: viewer).status == .ok)
            #expect(try await client.call(.get, outside, headers: viewer).status == .notFound)
            #expect(try await client.call(.put, inside + "/plan", json: Self.countyPlan, headers: viewer).status == .forbidden)
            let project = #"{"project": {"name": "p", "area": "industry", "start_year": 2025, "energy": {"coal": 1}, "value_added": 1}}"#
            #expect(try await client.call(.post, inside + "/reviews", json: project, headers: viewer).status == .forbidden)
            #expect(try await client.call(.post, inside + "/reviews", json: project, headers: manager).status == .created)
            #expect(try await client.call(.get, outside + "/reviews", headers: manager).status == .notFound)
        }
    }

    @Test("a unit's manager plans the units below it, not others; its reviews are its own", arguments: ["sqlite", "postgres"])
    func unitPlans(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            func bearer(_ name: String, _ grant: RoleGrant) async throws -> HTTPFields {
                let account = try await accounts.create(name: name, password: "a long password", grants: [grant])
                return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
            }
            let manager = try await bearer("mia", RoleGrant(role: .manager, unitID: Int64(w.units["E1"]!)))
            let viewer = try await bearer("vic", RoleGrant(role: .viewer, unitID: Int64(w.units["E1"]!)))
            let inside = "/api/v1/units/\(w.units["F1"]!)/pathway", outside = "/api/v1/units/\(w.units["E2"]!)/pathway"
            #expect(try await client.call(.get, inside, headers: manager).status == .notFound)  // no plan yet
            let saved = try await client.call(.put, inside + "/plan", json: Self.countyPlan, headers: manager)
            #expect(saved.status == .ok && saved.json.object["unit_id"] as? Int == w.units["F1"]!)
            #expect(saved.json.object["region"] == nil)
            #expect(try await client.call(.put, outside + "/plan", json: Self.countyPlan, headers: manager).status == .notFound)
            #expect(try await client.call(.put, inside + "/plan", json: Self.countyPlan, headers: viewer).status == .forbidden)
            // A unit's plan names no region.
            let named = try await client.call(
                .put, inside + "/plan", json: Self.countyPlan.replacingOccurrences(of: #"{"base""#, with: #"{"region": "510104", "base""#),
                headers: manager)
            #expect(named.status == .unprocessableContent, "\(named.json ?? "")")
            let roadmap = try await client.call(.get, inside, headers: viewer)
            #expect(roadmap.status == .ok && roadmap.json.object["unit_id"] as? Int == w.units["F1"]!)
            let project = #"{"project": {"name": "p", "area": "industry", "start_year": 2025, "energy": {"coal": 1}, "value_added": 1}}"#
            #expect(try await client.call(.post, inside + "/reviews", json: project, headers: viewer).status == .forbidden)
            let review = try await client.call(.post, inside + "/reviews", json: project, headers: manager)
            #expect(review.status == .created && review.json.object["unit_id"] as? Int == w.units["F1"]!)
            let id = try #require(review.json.object["id"] as? Int)
            #expect(try await client.call(.get, inside + "/reviews/\(id)", headers: viewer).status == .ok)
            let listed = try await client.call(.get, inside + "/reviews", headers: viewer).json.object["reviews"] as? [Any]
            #expect(listed?.count == 1)
            // The review is F1's: asked under another unit or a region, it is missing.
            #expect(try await client.call(.get, "/api/v1/units/\(w.units["E1"]!)/pathway/reviews/\(id)").status == .notFound)
            #expect(try await client.call(.get, "/api/v1/regions/510104/pathway/reviews/\(id)").status == .notFound)
            #expect(try await client.call(.get, outside + "/reviews", headers: manager).status == .notFound)
            #expect(try await client.call(.get, "/api/v1/units/999999/pathway").status == .notFound)
        }
    }
}
