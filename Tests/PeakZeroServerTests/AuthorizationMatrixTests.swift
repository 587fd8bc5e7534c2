import Accounting
import Assets
import Footprint
import Foundation
import HTTPTypes
import HummingbirdTesting
import Governance
import Persistence
import Testing

@testable import PeakZeroServer

/// Every API route, asked by accounts of different roles and scopes about an object inside their
/// scope and one outside it: outside looks like missing (404), a change by a role that only reads
/// is refused (403), and inside the route does its work. A route without a rule here fails the test.
@Suite("Authorization: role × route × in and out of scope")
struct AuthorizationMatrixTests {
    /// The tree S → G → (E1 → F1, E2); a reporter holds E1's subtree, a viewer E2's, a regional
    /// viewer the city 5101 (G, E1 and F1, not S at 510000 nor E2 at 510703).
    struct World: Sendable {
        let units: [String: Int]
        let activity: [String: Int64]
        let economic: [String: Int64]
        let inventory: [String: Int64]
        /// A target and a measure on F1 (`in`) and E2 (`out`); `in-spare`, `out-spare`: targets to delete.
        let target: [String: Int64]
        let measure: [String: Int64]
        /// A reduction project on F1 (`in`) and E2 (`out`).
        let project: [String: Int64]
        /// A product model on F1 (`in`) and E2 (`out`); `in-spare`, `out-spare`: models to delete.
        let footprintModel: [String: Int64]
        /// A GHG inventory report issued for F1 (`in`) and E2 (`out`).
        let issuedReport: [String: Int64]
        let reporter: HTTPFields
        let viewer: HTTPFields
        let regional: HTTPFields
    }

    static func world(_ client: any TestClientProtocol, _ database: PeakZeroDatabase) async throws -> World {
        let units = try await RollupAPITests.load(client)
        let accounts = AccountStore(database, cost: 4)
        func bearer(_ name: String, _ grant: RoleGrant) async throws -> HTTPFields {
            let account = try await accounts.create(name: name, password: "a long password", grants: [grant])
            return [.authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"]
        }
        func first<T>(_ list: [T], _ unit: String, _ id: (T) -> Int64, _ unitOf: (T) -> Int64) throws -> Int64 {
            let found = list.first { unitOf($0) == Int64(units[unit]!) }
            return id(try #require(found))
        }
        let activity = try await ActivityStore(database).list(under: Int64(units["S"]!))
        let economic = try await EconomicStore(database).list(under: Int64(units["S"]!))
        let e1 = try await InventoryStore(database).compute(
            unitID: Int64(units["E1"]!), year: 2023, options: .init())
        let g = try await InventoryStore(database).compute(unitID: Int64(units["G"]!), year: 2023, options: .init())
        var targets: [String: Int64] = [:]
        var measures: [String: Int64] = [:]
        var projects: [String: Int64] = [:]
        var footprintModels: [String: Int64] = [:]
        var issuedReports: [String: Int64] = [:]
        let library = try FactorLibrary.standard()
        for (side, code) in [("in", "F1"), ("out", "E2")] {
            let report = try await InventoryReportSource(database).report(
                unitID: Int64(units[code]!), year: 2023, language: .en)
            issuedReports[side] = try await IssuedReportStore(database).issue(.inventory(report), unitID: Int64(units[code]!)).id
            for key in [side, side + "-spare"] {
                footprintModels[key] = try await FootprintModelStore(database).save(
                    ProductModel.decode(json: Data(Self.footprintModel.utf8)), unitID: Int64(units[code]!)
                ).id
            }
            projects[side] = try await ProjectStore(database).save(
                unitID: Int64(units[code]!),
                ProjectDraft(
                    code: "P-1", name: "boiler", type: "efficiency", firstYear: 2023, lifetimeYears: 10, capex: 50,
                    savings: [.init(item: "diesel", quantity: 5, unit: "t")]), library: library
            ).id
            let unit = Int64(units[code]!)
            let cap = Target(
                indicator: .carbonTotal, kind: .cap(IndicatorAmount(1_000, of: .carbonTotal)), firstYear: 2023)
            for key in [side, side + "-spare"] {
                targets[key] = try await TargetStore(database).create(name: "cap", subject: .unit(unit), target: cap).id
            }
            measures[side] = try await MeasureStore(database).add(
                NewMeasure(
                    unitId: unit, title: "LED lighting", ownerPerson: "Li", startDate: "2023-01-01",
                    deadline: "2023-12-31")
            ).id
        }
        return World(
            units: units,
            activity: [
                "in": try first(activity, "F1", \.id, \.unitId), "out": try first(activity, "E2", \.id, \.unitId),
            ],
            economic: [
                "in": try first(economic, "F1", \.id, \.unitId), "out": try first(economic, "E2", \.id, \.unitId),
            ],
            inventory: ["in": e1.id, "out": g.id], target: targets, measure: measures, project: projects,
            footprintModel: footprintModels, issuedReport: issuedReports,
            reporter: try await bearer("rita", RoleGrant(role: .reporter, unitID: Int64(units["E1"]!))),
            viewer: try await bearer("vera", RoleGrant(role: .viewer, unitID: Int64(units["E2"]!))),
            regional: try await bearer("reggie", RoleGrant(role: .viewer, regionCode: "510100")))
    }

    /// A product model of one process: 1 kg of cells from 2 kWh of Sichuan's 2022 grid and 0.1 kg CO2.
    static let footprintModel = #"""
        {"name": "cell", "declared_unit": {"process": "cell", "amount": 1, "unit": "kg"}, "boundary": "cradle_to_gate",
         "processes": [{"id": "cell", "stage": "production", "output": {"product": "cell", "amount": 1, "unit": "kg"},
           "emissions": [{"flow": "CO2", "amount": 0.1, "unit": "kg"}],
           "electricity": [{"amount": 2, "unit": "kWh", "province": "51", "year": 2022}]}]}
        """#

    /// The request a route is asked with, about the object inside (`in`) or outside (`out`) the
    /// reporter's scope; nil for a route with no object.
    static func request(_ route: APIRoute, _ side: String, _ w: World) -> (uri: String, body: String?) {
        let unit = side == "in" ? w.units["F1"]! : w.units["E2"]!
        let code = side == "in" ? "F1" : "E2"
        var path = route.path.replacingOccurrences(of: "{period}", with: "2023-03")
        switch route.subject {
        case .unitInPath:
            path = path.replacingOccurrences(of: "{id}", with: String(unit)).replacingOccurrences(of: "{year}", with: "2023")
        case .projectInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.project[side]!))
        case .activityRecordInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.activity[side]!))
        case .economicRecordInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.economic[side]!))
        case .inventoryInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.inventory[side]!))
        case .regionInPath: path = path.replacingOccurrences(of: "{code}", with: side == "in" ? "510104" : "510703")
        case .unitInQuery: path += "?unit_id=\(unit)"
        case .targetInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.target[side]!))
        case .measureInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.measure[side]!))
        case .issuedReportInPath: path = path.replacingOccurrences(of: "{id}", with: String(w.issuedReport[side]!))
        case .footprintModelInPath:
            // A spare is deleted, so the side's own model is still there for the routes after.
            let key = route == .deleteFootprintModel ? side + "-spare" : side
            path = path.replacingOccurrences(of: "{id}", with: String(w.footprintModel[key]!))
        case .recordOfKindInPath, .shared, .narrowedByHandler:
            // A unit's route checked by its handler (reviewing, findings) is asked about the unit of the side.
            let id = path.hasPrefix("/api/v1/units/{id}") ? String(unit) : "1"
            path = path.replacingOccurrences(of: "{id}", with: id).replacingOccurrences(of: "{kind}", with: "activity")
                .replacingOccurrences(of: "{year}", with: "2023")
            // Targets are deleted and split by id: a spare is deleted, the side's own is split.
            if route == .deleteTarget {
                path = route.path.replacingOccurrences(of: "{id}", with: String(w.target[side + "-spare"]!))
            }
            if route == .splitTarget {
                path = route.path.replacingOccurrences(of: "{id}", with: String(w.target[side]!))
            }
        }
        let separator = path.contains("?") ? "&" : "?"
        let uri = path + separator + "year=2023"
        let body: String? =
            switch route {
            case .createActivity:
                #"{"unit_code": "\#(code)", "period": "2023-03", "item": "柴油", "quantity": 1, "uom": "t"}"#
            case .createEconomic: #"{"unit_code": "\#(code)", "period": "2023-04", "output_value": 1}"#
            case .computeInventory: #"{"unit_id": \#(side == "in" ? w.units["E1"]! : w.units["G"]!), "year": 2023}"#
            case .updateUnit: #"{"code": "\#(code)", "name": "renamed", "level": "facility", "region_code": "510104"}"#
            case .createUnits: #"{"code": "N1", "name": "New", "level": "facility", "region_code": "510104"}"#
            case .createMeasure:
                #"{"unit_id": \#(unit), "title": "Boiler retrofit", "owner_person": "Wang", "start_date": "2023-02-01", "deadline": "2023-09-30"}"#
            case .updateMeasure: #"{"status": "in_progress", "note": "half done"}"#
            case .saveProject:
                #"{"code": "P-2", "name": "LED", "type": "efficiency", "first_year": 2023, "lifetime_years": 8, "capex": 10, "savings": [{"item": "电力", "quantity": 100, "unit": "MWh"}]}"#
            case .setProjectStage: #"{"stage": "approved"}"#
            case .saveClimateNarrative: #"{"governance": "The board reviews climate matters twice a year."}"#
            case .verifyProject:
                #"{"year": 2023, "option": "A", "baseline": "2022 metered", "savings": [{"item": "diesel", "quantity": 4, "unit": "t"}]}"#
            case .addAssetEvent: #"{"day": "2023-01-05", "action": "buy", "kind": "cea", "vintage": 2023, "quantity": 10, "price": 60}"#
            case .setAssetPrice: #"{"kind": "cea", "day": "2023-01-05", "price": 60, "source": "exchange close"}"#
            case .setComplianceYear: #"{"sector": "power", "allocation": 100, "allocation_source": "notice"}"#
            case .addMarketRule:
                #"{"id": "U-1", "first_year": 2021, "parameter": "ccer_limit", "value": "0.05", "source": "a plan"}"#
            // A model file may be the JSON form itself, sent as the body.
            case .saveFootprintModel, .replaceFootprintModel, .importFootprintModel: Self.footprintModel
            case .createFactorSet:
                #"{"name": "x", "csv": "id,kind,item,value,unit,grade,source\nA,ncv,diesel,43,GJ/t,S,x\n"}"#
            default: [.post, .put].contains(route.method) ? "{}" : nil
            }
        return (uri, body)
    }

    /// What the reporter of E1 gets, inside and outside its scope.
    static func reporterExpects(_ route: APIRoute) -> (in: Set<Int>, out: Set<Int>)? {
        switch route {
        // Shared things are changed by administrators only.
        case .createUnits, .updateUnit, .deleteUnit, .createFactorSet, .deleteFactorSet: ([403], [403])
        // The body here is no file; another account's job (or none) is missing.
        case .createImport: ([400, 422], [400, 422])
        case .getImport: ([404], [404])
        case .getUnit, .listChildren, .listActivity, .listEconomic, .unitIndicators, .getInventory, .getInventoryLines,
            .exportInventory, .exportActivity, .exportEconomic, .exportUnits, .exportProjects, .exportLedger,
            .exportIndicators:
            ([200], [404])
        case .deleteActivity, .deleteEconomic: ([204], [404])
        // A reporter of units has no region: a region's roll-up sums units it may not see.
        case .regionIndicators, .regionPathwayHistory, .regionRoadmap, .getRegionPlan, .listProjectReviews,
            .getProjectReview, .regionSupervisorReport, .issueRegionSupervisorReport:
            ([404], [404])
        // Plans and project reviews are changed by those who set targets.
        case .putRegionPlan, .createProjectReview, .putUnitPlan, .createUnitProjectReview: ([403], [403])
        // F1 has no plan saved (nor a review 0); E2 is outside.
        case .unitRoadmap, .getUnitPlan, .getUnitProjectReview: ([404], [404])
        case .listUnitProjectReviews, .unitPathwayHistory: ([200], [404])
        case .createActivity, .createEconomic: ([201], [422])
        case .computeInventory: ([201], [404])
        case .listUnits, .listInventories, .listFactorSets, .getTemplate, .listTokens, .openAPI, .health, .ready:
            ([200], [200])
        case .revokeToken: ([404], [404])  // token 1 is the administrator's, not the reporter's
        // The audit trail is read by administrators, verifiers, reviewers and managers.
        case .listAudit: ([403], [403])
        // The server's figures are read by administrators.
        case .metrics: ([403], [403])
        // Accounts are administered by managers and administrators.
        case .listAccounts, .createAccount, .disableAccount: ([403], [403])
        case .listPeriods, .getPeriod, .submitPeriod: ([200], [404])
        // Reviewing is for reviewers.
        case .approvePeriod, .returnPeriod: ([403], [403])
        // Findings are recorded by verifiers.
        case .recordFinding: ([403], [403])
        // F1's March is submitted by then, not approved; and a correction needs a reason.
        case .correctPeriod: ([409, 422], [404])
        case .createToken: ([422, 400], [422, 400])
        // Targets are set, split and deleted by managers; the scale and benchmarks by administrators.
        case .createTarget, .deleteTarget, .splitTarget, .setEfficiencyScale, .setBenchmarks: ([403], [403])
        case .listTargets, .listWarnings, .getEfficiencyScale: ([200], [200])
        case .getTarget, .rankings, .carbonEfficiency, .unitCarbonEfficiency, .listMeasures, .updateMeasure:
            ([200], [404])
        case .createMeasure: ([201], [404])
        case .listProjects, .getProject, .abatementCurve, .assetBalances, .listAssetEvents, .complianceBoard:
            ([200], [404])
        case .saveProject, .verifyProject, .addAssetEvent: ([201], [404])
        case .setProjectStage, .setComplianceYear: ([200], [404])
        // Prices and rule records are the installation's: administrators change them.
        case .setAssetPrice, .addMarketRule: ([403], [403])
        case .listMarketRules: ([200], [200])
        case .listFootprintModels, .getFootprintModel, .computeFootprint, .exportFootprint, .replaceFootprintModel,
            .footprintModelTemplate, .footprintDeclaration:
            ([200], [404])
        case .importFootprintModel: ([201], [404])
        case .inventoryReport, .listIssuedReports, .getIssuedReport, .supervisorReport, .unitScope3, .climateReport,
            .saveClimateNarrative:
            ([200], [404])
        case .issueInventoryReport, .issueSupervisorReport, .issueClimateReport: ([201], [404])
        case .saveFootprintModel: ([201], [404])
        case .deleteFootprintModel: ([204], [404])
        }
    }

    @Test("a reporter of one enterprise: its subtree answers, the rest is missing, shared things are read-only")
    func reporter() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await Self.world(client, database)
            for route in APIRoute.allCases {
                let expected = try #require(Self.reporterExpects(route), "no rule for \(route)")
                for side in ["in", "out"] {
                    let (uri, body) = Self.request(route, side, w)
                    var headers = w.reporter
                    if route == .createToken { headers = [.authorization: ""] }
                    let status = try await client.call(route.method, uri, json: body, headers: headers).status.code
                    let allowed = side == "in" ? expected.in : expected.out
                    #expect(allowed.contains(status), "\(route) \(side): \(status) for \(uri)")
                }
            }
            // What the lists show is the reporter's subtree only.
            let listed = try await client.call(.get, "/api/v1/units", headers: w.reporter)
            #expect(Set(listed.json.items.compactMap { $0["code"] as? String }) == ["E1", "F1"])
            let inventories = try await client.call(.get, "/api/v1/inventories", headers: w.reporter)
            // E1's first inventory and the version the reporter computed above; none of G or S.
            #expect(Set(inventories.json.items.compactMap { $0["unit_id"] as? Int }) == [w.units["E1"]!])
            #expect(inventories.json.items.contains { $0["id"] as? Int == Int(w.inventory["in"]!) })
        }
    }

    @Test("a viewer changes nothing, even in its own subtree; a regional viewer sees its city's roll-up only")
    func viewers() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await Self.world(client, database)
            for route in APIRoute.allCases
            where ![.get, .head].contains(route.method) && !WriteAccessTests.ownAccount(route) {
                let (uri, body) = Self.request(route, "out", w)  // E2: the viewer's own unit
                let status = try await client.call(route.method, uri, json: body, headers: w.viewer).status
                #expect(status == .forbidden, "\(route): \(status)")
            }
            let own = try await client.call(.get, "/api/v1/units/\(w.units["E2"]!)", headers: w.viewer)
            #expect(own.status == .ok)
            #expect(
                try await client.call(.get, "/api/v1/units/\(w.units["F1"]!)", headers: w.viewer).status == .notFound)
            for (code, status) in [("510100", 200), ("510104", 200), ("510703", 404), ("510000", 404)] {
                let answer = try await client.call(
                    .get, "/api/v1/regions/\(code)/indicators?year=2023", headers: w.regional)
                #expect(answer.status.code == status, "\(code)")
            }
            let listed = try await client.call(.get, "/api/v1/units", headers: w.regional)
            #expect(Set(listed.json.items.compactMap { $0["code"] as? String }) == ["G", "E1", "F1"])
        }
    }
}

extension AuthorizationMatrixTests {
    @Test("the pages show a reporter its subtree only: the rest is a missing page, the overview starts at its unit")
    func pages() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await Self.world(client, database)
            func status(_ uri: String) async throws -> (Int, String) {
                try await client.execute(uri: uri + "&lang=en", method: .get, headers: w.reporter) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            for (uri, expected) in [
                ("/units/\(w.units["F1"]!)?year=2023", 200), ("/units/\(w.units["E2"]!)?year=2023", 404),
                ("/units/\(w.units["S"]!)/records?year=2023", 404), ("/units/\(w.units["F1"]!)/records?year=2023", 200),
                ("/inventories/\(w.inventory["in"]!)?x=1", 200), ("/inventories/\(w.inventory["out"]!)?x=1", 404),
                ("/inventories/\(w.inventory["out"]!)/lines/\(w.activity["out"]!)?x=1", 404),
                ("/data/activity/\(w.activity["in"]!)/edit?x=1", 200),
                ("/data/activity/\(w.activity["out"]!)/edit?x=1", 404),
                ("/data/economic/\(w.economic["out"]!)/edit?x=1", 404), ("/regions/510104?year=2023", 404),
                ("/audit?x=1", 403),
            ] {
                #expect(try await status(uri).0 == expected, "\(uri)")
            }
            // The new-record form fills in a unit the reporter holds, and not one it does not.
            #expect(try await status("/data/activity/new?unit=\(w.units["F1"]!)").1.contains("value=\"F1\""))
            #expect(!(try await status("/data/activity/new?unit=\(w.units["E2"]!)").1.contains("value=\"E2\"")))
            let overview = try await status("/?year=2023").1
            #expect(overview.contains("Enterprise 1") && !overview.contains(">Supervisor<"))
            let list = try await status("/units?x=1").1
            #expect(list.contains(">Facility 1<") && !list.contains(">Enterprise 2<") && !list.contains(">Group<"))
            #expect(!(try await status("/regions?x=1").1.contains("/regions/51")))
            // A record for a unit outside the subtree reads as no such unit.
            var headers = w.reporter
            headers[.contentType] = "application/x-www-form-urlencoded"
            let form = "unit=E2&period=2023-05&item=diesel&quantity=1&uom=t&category="
            let saved = try await client.execute(
                uri: "/data/activity?lang=en", method: .post, headers: headers, body: .init(string: form)
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(saved.0 == 422 && WebDataPagesTests.fieldError(saved.1, "unit")?.contains("E2") == true)
        }
    }
}

enum WriteAccessTests {
    /// Routes every account may use on its own account.
    static func ownAccount(_ route: APIRoute) -> Bool { [.createToken, .revokeToken].contains(route) }
}
