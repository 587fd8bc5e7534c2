import Foundation
import HTTPTypes
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

@testable import PeakZeroServer

/// Numbers no meter produces, at every door, and a bad figure stored before the doors refused them.
/// (A reporter once stored `quantity: 1e308`; computing the inventory stored infinite totals, and every
/// account's inventories and dashboards failed from then on.)
@Suite("Hostile numbers")
struct HostileNumbersTests {
    /// The fields a 422 names.
    static func fields(_ json: Any?) -> [String] {
        (((json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []).compactMap {
            $0["field"] as? String
        }
    }

    /// Every figure a reader shows still answers: the inventories, the indicators, the overview.
    static func readersAnswer(_ client: any TestClientProtocol, _ w: AuthorizationMatrixTests.World) async throws {
        #expect(try await client.call(.get, "/api/v1/inventories").status == .ok)
        #expect(try await client.call(.get, "/api/v1/units/\(w.units["S"]!)/indicators?year=2023").status == .ok)
        #expect(try await client.call(.get, "/api/v1/units/\(w.units["G"]!)/indicators?year=2023").status == .ok)
        let page = try await client.execute(uri: "/units/\(w.units["S"]!)?year=2023&lang=en", method: .get) { $0.status }
        #expect(page == .ok)
    }

    @Test("1e308, 10¹³ t and other impossible figures are refused at every API door, naming the field")
    func refusedAtTheDoors() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let records = try await ActivityStore(database).list(under: Int64(w.units["S"]!)).count
            let f1 = w.units["F1"]!
            let e2 = w.units["E2"]!
            let refusals: [(uri: String, method: HTTPRequest.Method, body: String, field: String)] = [
                (
                    "/api/v1/activity-records", .post,
                    #"{"unit_code": "F1", "period": "2023-04", "item": "diesel", "quantity": 1e308, "uom": "t"}"#,
                    "quantity"
                ),
                // 10¹³ t of diesel in a month: more than the world burns in a decade.
                (
                    "/api/v1/activity-records", .post,
                    #"{"unit_code": "F1", "period": "2023-04", "item": "diesel", "quantity": 1e13, "uom": "t"}"#,
                    "quantity"
                ),
                (
                    "/api/v1/activity-records", .post,
                    #"{"unit_code": "F1", "period": "2023-04", "item": "diesel", "quantity": 10, "uom": "t", "ncv": 1e300}"#,
                    "ncv"
                ),
                ("/api/v1/economic-records", .post, #"{"unit_code": "F1", "period": "2024", "output_value": 1e308}"#, "output_value"),
                (
                    "/api/v1/factor-sets", .post,
                    #"{"name": "huge", "csv": "id,kind,item,value,unit,grade,source\nA,ncv,diesel,1e300,GJ/t,S,x\n"}"#,
                    "value"
                ),
                (
                    "/api/v1/units/\(f1)/projects", .post,
                    #"{"code": "H", "name": "huge", "type": "efficiency", "first_year": 2023, "lifetime_years": 10, "capex": 1e300, "savings": [{"item": "diesel", "quantity": 1e300, "unit": "t"}]}"#,
                    "capex"
                ),
                (
                    "/api/v1/units/\(e2)/assets/events", .post,
                    #"{"day": "2023-02-01", "action": "buy", "kind": "cea", "vintage": 2022, "quantity": 9000000000000000000}"#,
                    "quantity"
                ),
                (
                    "/api/v1/targets", .post,
                    #"{"unit_id": \#(f1), "name": "cap", "indicator": "carbon_total", "kind": "cap", "value": 1e300, "first_year": 2023}"#,
                    "value"
                ),
                (
                    "/api/v1/units/\(e2)/compliance/2023", .put,
                    #"{"sector": "power", "allocation": 9000000000000000000, "allocation_source": "x"}"#, "allocation"
                ),
            ]
            for refusal in refusals {
                let answer = try await client.call(refusal.method, refusal.uri + "?lang=en", json: refusal.body)
                #expect(answer.status == .unprocessableContent, "\(refusal.uri): \(answer.status) \(answer.json ?? "")")
                let text = "\(answer.json ?? "")"
                #expect(text.contains(refusal.field), "\(refusal.uri): \(text)")
                #expect(text.contains("beyond"), "\(refusal.uri): \(text)")
            }
            // The project's saving is named too, by its place in the list.
            let project = try await client.call(.post, "/api/v1/units/\(f1)/projects", json: refusals[5].body)
            #expect(Self.fields(project.json).contains("savings[1].quantity"), "\(Self.fields(project.json))")
            // The reporter's own facility, through the API: refused the same way.
            let own = try await client.call(
                .post, "/api/v1/activity-records", json: refusals[0].body, headers: w.reporter)
            #expect(own.status == .unprocessableContent)
            // A spreadsheet's cell, by row and column.
            let file = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-05,柴油,1e308,t\n".utf8)
            let upload = try await IntakeAPITests.upload(client, file, name: "huge.csv", query: "?lang=zh")
            let errors = upload.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { "\($0["row"] ?? "") \($0["column_letter"] ?? "")" } == ["2 D"], "\(upload.json)")
            #expect((errors.first?["message"] as? String)?.contains("超出任何实际计量的范围") == true)
            // Nothing was stored, the readers answer, the trail is whole.
            #expect(try await ActivityStore(database).list(under: Int64(w.units["S"]!)).count == records)
            _ = try await client.call(.post, "/api/v1/inventories", json: #"{"unit_id": \#(w.units["S"]!), "year": 2023}"#)
            try await Self.readersAnswer(client, w)
            #expect(try await AuditLog.verify(database).isIntact)
        }
    }

    @Test("a figure stored before the doors refused it: the inventory is refused naming its record, nothing stored",
        arguments: TestDatabases.locations)
    func storedBadFigure(_ kind: String) async throws {
        try await withAPI(kind) { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            // F1's diesel of January 2023.
            let record = try #require(
                try await ActivityStore(database).list(under: Int64(w.units["F1"]!), year: 2023).first?.id)
            try await database.sql.raw("UPDATE activity_records SET quantity = 1e308 WHERE id = \(bind: record)").run()
            let inventories = try await InventoryStore(database).list().count
            let computed = try await client.call(
                .post, "/api/v1/inventories?lang=en", json: #"{"unit_id": \#(w.units["S"]!), "year": 2023}"#)
            #expect(computed.status == .unprocessableContent, "\(computed.status) \(computed.json ?? "")")
            let issues = ((computed.json.object["error"] as? [String: Any])?["issues"] as? [[String: Any]]) ?? []
            #expect(issues.count == 1)
            #expect(issues.first?["row"] as? Int == Int(record))
            #expect(issues.first?["field"] as? String == "quantity")
            #expect(try await InventoryStore(database).list().count == inventories)
            try await Self.readersAnswer(client, w)
            // Once the record is removed, the province computes again.
            #expect(try await client.call(.delete, "/api/v1/activity-records/\(record)").status == .noContent)
            let again = try await client.call(
                .post, "/api/v1/inventories", json: #"{"unit_id": \#(w.units["S"]!), "year": 2023}"#)
            #expect(again.status == .created)
            try await Self.readersAnswer(client, w)
        }
    }
}
