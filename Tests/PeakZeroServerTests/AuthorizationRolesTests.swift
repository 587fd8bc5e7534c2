import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// The matrix for every other role: viewer, reviewer, manager and verifier, each granted on E1,
/// asked every API route about an object inside and outside E1's subtree. What a role may read it
/// reads like the reporter (whose expectations are the matrix's); what it may not change is 403;
/// what it may change answers like the reporter's change, or as its own route says.
@Suite("Authorization: every role × every route")
struct AuthorizationRolesTests {
    static func expects(_ role: Role, _ route: APIRoute) -> (in: Set<Int>, out: Set<Int>)? {
        guard let reporter = AuthorizationMatrixTests.reporterExpects(route) else { return nil }
        let refused: (in: Set<Int>, out: Set<Int>) = ([403], [403])
        switch route.change {
        case .nothing:
            guard route == .listAudit else { return reporter }
            return [.verifier, .reviewer, .manager].contains(role) ? ([200], [200]) : refused
        case .ownAccount: return reporter
        case .data: return role == .manager ? reporter : refused
        case .shared, .operations: return refused
        // E1's March is a draft here: approving it is a conflict; returning it needs a reason first.
        case .review: return role == .reviewer ? ([409, 422], [404]) : refused
        // The body is empty (400); the path's `{name}` names no account (404).
        case .accounts:
            guard role == .manager else { return refused }
            return route == .listAccounts ? ([200], [200]) : route == .createAccount ? ([400], [400]) : ([404], [404])
        case .findings: return role == .verifier ? ([400], [404]) : refused
        // A manager of E1 sets targets there: an empty body names no unit (422); a split needs a method (422).
        case .targets:
            guard role == .manager else { return refused }
            // A manager of units plans no region: the region is outside its scope.
            if [.putRegionPlan, .createProjectReview].contains(route) { return ([404], [404]) }
            return route == .createTarget ? ([422], [422]) : route == .deleteTarget ? ([204], [404]) : ([422], [404])
        }
    }

    @Test(
        "each role on E1: reads like any account of E1, changes only what its role changes",
        arguments: [
            Role.viewer, .reviewer, .manager, .verifier,
        ])
    func role(_ role: Role) async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "someone", password: "a long password",
                grants: [RoleGrant(role: role, unitID: Int64(w.units["E1"]!))])
            let bearer = "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            for route in APIRoute.allCases {
                let expected = try #require(Self.expects(role, route), "no rule for \(route)")
                for side in ["in", "out"] {
                    let (uri, body) = AuthorizationMatrixTests.request(route, side, w)
                    let headers: HTTPFields = [.authorization: route == .createToken ? "" : bearer]
                    let status = try await client.call(route.method, uri, json: body, headers: headers).status.code
                    let allowed = side == "in" ? expected.in : expected.out
                    #expect(allowed.contains(Int(status)), "\(role) \(route) \(side): \(status) for \(uri)")
                }
            }
        }
    }

    /// A page asked about the object inside E1's subtree or outside it, with the form it posts.
    /// - Parameter lineRecord: a record the side's inventory counted, for a line's page.
    static func page(
        _ page: SitePage, _ side: String, _ w: AuthorizationMatrixTests.World, lineRecord: Int64
    ) -> (uri: String, form: String) {
        let unit = side == "in" ? w.units["F1"]! : w.units["E2"]!
        let code = side == "in" ? "F1" : "E2"
        let record = w.activity[side]!
        let path = page.path.replacingOccurrences(of: "{id}", with: String(unit))
            .replacingOccurrences(of: "{period}", with: "2023-03").replacingOccurrences(of: "{kind}", with: "activity")
            .replacingOccurrences(of: "{code}", with: "510104").replacingOccurrences(of: "{name}", with: "nobody")
        let uri: String
        switch page {
        case .inventory: uri = "/inventories/\(w.inventory[side]!)"
        case .inventoryLine: uri = "/inventories/\(w.inventory[side]!)/lines/\(lineRecord)"
        case .recordEdit, .recordUpdate, .recordDelete:
            uri = path.replacingOccurrences(of: "/activity/\(unit)", with: "/activity/\(record)")
        case .target, .targetSplit: uri = page.path.replacingOccurrences(of: "{id}", with: String(w.target[side]!))
        case .targetDelete: uri = page.path.replacingOccurrences(of: "{id}", with: String(w.target[side + "-spare"]!))
        case .measureUpdate: uri = page.path.replacingOccurrences(of: "{id}", with: String(w.measure[side]!))
        case .project, .projectStage, .projectVerify:
            uri = page.path.replacingOccurrences(of: "{id}", with: String(w.project[side]!))
        case .footprintModel: uri = page.path.replacingOccurrences(of: "{id}", with: String(w.footprintModel[side]!))
        case .issuedReport: uri = page.path.replacingOccurrences(of: "{id}", with: String(w.issuedReport[side]!))
        // A spare is deleted, so the side's own model is still there for its page.
        case .footprintDelete:
            uri = page.path.replacingOccurrences(of: "{id}", with: String(w.footprintModel[side + "-spare"]!))
        default: uri = path
        }
        let form: String =
            switch page {
            case .recordCreate: "unit=\(code)&period=2023-05&item=diesel&quantity=1&uom=t&category="
            // A negative quantity: refused, so the record stays for the delete after it.
            case .recordUpdate: "unit=\(code)&period=2023-05&item=diesel&quantity=-1&uom=t&category="
            case .signInPost: "name=someone&password=wrong"
            default: ""
            }
        return (uri, form)
    }

    /// What a role on E1 gets from each page, inside and outside; nil for a page without a rule.
    static func pageExpects(_ role: Role, _ page: SitePage) -> (in: Set<Int>, out: Set<Int>)? {
        let both: (Set<Int>) -> (in: Set<Int>, out: Set<Int>) = { ($0, $0) }
        let refused = both([403])
        let changesData = role == .reporter || role == .manager
        switch page {
        case .overview, .units, .regions, .recordNew, .importForm, .factors, .reviewHome, .signIn, .stylesheet, .script,
            .icon:
            return both([200])
        case .unit, .inventory, .inventoryLine, .records, .recordEdit, .periods, .period: return ([200], [404])
        // A unit's grant covers no region.
        case .region: return both([404])
        case .audit: return [.reviewer, .manager, .verifier].contains(role) ? both([200]) : refused
        case .accounts: return role == .manager ? both([200]) : refused
        case .recordCreate: return changesData ? ([303], [422]) : refused
        case .recordUpdate: return changesData ? ([422], [404]) : refused
        case .recordDelete, .periodSubmit: return changesData ? ([303], [404]) : refused
        // No file posted; no file checked before.
        case .importUpload: return changesData ? both([422]) : refused
        case .importConfirm: return changesData ? both([410]) : refused
        case .factorSetUpload, .factorSetDelete: return refused
        // F1's March is a draft (approve: conflict), or no reason was given (return, correct: 422).
        case .periodApprove, .periodReturn: return role == .reviewer ? ([409, 422], [404]) : refused
        case .periodCorrect: return changesData ? ([409, 422], [404]) : refused
        case .periodFinding: return role == .verifier ? ([422], [404]) : refused
        case .accountCreate: return role == .manager ? both([422]) : refused
        case .accountDisable: return role == .manager ? both([404]) : refused
        case .signInPost: return both([401])
        case .signOut: return both([303])
        case .targets, .warnings, .rankings, .grades: return both([200])
        case .target, .unitGrades, .measures: return ([200], [404])
        // Managers set targets: an empty form is refused (422); a split needs a method.
        case .targetCreate: return role == .manager ? both([422]) : refused
        case .targetSplit: return role == .manager ? ([422], [404]) : refused
        case .targetDelete: return role == .manager ? ([303], [404]) : refused
        // Measures are the unit's data: an empty form is refused (422).
        case .measureCreate, .measureUpdate: return changesData ? ([422], [404]) : refused
        // A unit's grant covers no region: its pathways are missing; changing them needs target-setting.
        case .roadmap, .roadmapExport, .planEditor, .projectReviews, .projectReview: return both([404])
        case .planSave, .projectReviewCreate, .planDriver: return role == .manager ? both([404]) : refused
        // A unit's pathways are the unit's: read in its subtree; an empty form is refused (422) to its managers.
        case .unitRoadmap, .unitPlanEditor, .unitProjectReviews: return ([200], [404])
        case .unitRoadmapExport, .unitProjectReview: return both([404])
        case .unitPlanSave, .unitProjectReviewCreate, .unitPlanDriver: return role == .manager ? ([422], [404]) : refused
        // Projects, assets and compliance are the unit's data: read in its subtree; an empty form is refused (422).
        case .projects, .project, .assets, .compliance: return ([200], [404])
        case .projectCreate, .projectStage, .projectVerify, .assetEventCreate, .complianceSet:
            return changesData ? ([422], [404]) : refused
        // Product models are the unit's data: read in its subtree; an empty form is refused (422).
        case .footprints, .footprintModel: return ([200], [404])
        case .footprintCreate: return changesData ? ([422], [404]) : refused
        // No file posted.
        case .footprintImport: return changesData ? ([422], [404]) : refused
        case .footprintDelete: return changesData ? ([303], [404]) : refused
        // A unit's report reads its subtree's inventory.
        case .inventoryReport, .issuedReport, .supervisorReport, .scope3, .climateReport: return ([200], [404])
        // The menu lists what the account's scope holds; so does the month's page (a viewer reads it).
        case .reportsHome, .month: return both([200])
        // No year posted: refused as missing in the subtree; outside it the unit is not there.
        case .inventoryCompute: return changesData ? ([422], [404]) : refused
        // A region's report, as the region's page.
        case .regionSupervisorReport: return both([404])
        case .regionSupervisorReportIssue: return changesData ? both([404]) : refused
        // The form names no year: refused as missing.
        case .inventoryReportIssue, .supervisorReportIssue, .climateReportIssue, .climateNarrative:
            return changesData ? ([404], [404]) : refused
        }
    }

    @Test(
        "each role × every page, inside and outside its subtree",
        arguments: [Role.viewer, .reporter, .reviewer, .manager, .verifier])
    func pages(_ role: Role) async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let accounts = AccountStore(database, cost: 4)
            let account = try await accounts.create(
                name: "someone", password: "a long password",
                grants: [RoleGrant(role: role, unitID: Int64(w.units["E1"]!))])
            var headers: HTTPFields = [
                .authorization: "Bearer \(try await accounts.makeToken(for: account, name: "t").secret)"
            ]
            headers[.contentType] = "application/x-www-form-urlencoded"
            // A 2023 record of each side, which that side's 2023 inventory counted.
            var lines: [String: Int64] = [:]
            for (side, unit) in [("in", "F1"), ("out", "E2")] {
                lines[side] = try #require(
                    try await ActivityStore(database).list(under: Int64(w.units[unit]!), year: 2023).first?.id)
            }
            for page in SitePage.allCases {
                let expected = try #require(Self.pageExpects(role, page), "no rule for \(page)")
                for side in ["in", "out"] {
                    let (uri, form) = Self.page(page, side, w, lineRecord: lines[side]!)
                    let status = try await client.execute(
                        uri: uri + (uri.contains("?") ? "&" : "?") + "lang=en", method: page.method, headers: headers,
                        body: page.method == .post ? .init(string: form) : nil
                    ) { Int($0.status.code) }
                    #expect(
                        (side == "in" ? expected.in : expected.out).contains(status),
                        "\(role) \(page) \(side): \(status) \(uri)")
                }
            }
        }
    }
}
