import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import PersistenceTestSupport
import Spreadsheet
import Testing

@testable import PeakZeroServer

@Suite("API: templates, imports and exports")
struct IntakeAPITests {
    static func multipart(_ file: Data, name: String) -> (body: ByteBuffer, headers: HTTPFields) {
        let boundary = "----peakzero-test-boundary"
        var body = Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n".utf8)
        body += Data(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
                .utf8)
        body += file + Data("\r\n--\(boundary)--\r\n".utf8)
        var headers = HTTPFields()
        headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
        return (ByteBuffer(bytes: body), headers)
    }

    static func upload(
        _ client: any TestClientProtocol, _ file: Data, name: String, query: String = ""
    ) async throws -> (status: HTTPResponse.Status, json: [String: Any], headers: HTTPFields) {
        let (body, headers) = Self.multipart(file, name: name)
        return try await client.execute(uri: "/api/v1/imports" + query, method: .post, headers: headers, body: body) {
            (
                $0.status, (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [String: Any] ?? [:],
                $0.headers
            )
        }
    }

    static let good = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-01,柴油,10,t\nE2,2023-02,电力,1000,MWh\n".utf8)

    @Test("a template downloads as a workbook in the asked language", arguments: TestDatabases.locations)
    func template(_ kind: String) async throws {
        try await withAPI(kind) { client, _ in
            try await client.execute(uri: "/api/v1/templates/activity?lang=en", method: .get) { response in
                #expect(response.status == .ok)
                #expect(
                    response.headers[.contentType]
                        == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                let workbook = try XLSXWorkbook(data: Data(buffer: response.body))
                #expect(workbook.sheetNames == ["Activity", "Lists", "Instructions"])
                #expect(try workbook.rows(sheet: "Activity")[0][0] == .text("unit"))
            }
            try await client.execute(uri: "/api/v1/templates/activity?format=csv&lang=zh", method: .get) { response in
                #expect(String(buffer: response.body).hasPrefix("单位代码,期间,品种"))
            }
            #expect(try await client.call(.get, "/api/v1/templates/nothing").status == .notFound)
            #expect(try await client.call(.get, "/api/v1/templates/activity?format=pdf").status == .badRequest)
        }
    }

    @Test(
        "an upload is checked, reported with sheet/row/column, written once; exports give it back",
        arguments: TestDatabases.locations)
    func importAndExport(_ kind: String) async throws {
        try await withAPI(kind) { client, _ in
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let bad = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-01,柴油,-1,t\nX9,2023-01,柴油,1,t\n".utf8)
            let refused = try await Self.upload(client, bad, name: "bad.csv", query: "?lang=en")
            #expect(refused.status == .unprocessableContent)
            let errors = refused.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { "\($0["row"] ?? "") \($0["column_letter"] ?? "")" } == ["2 D", "3 A"])
            #expect((errors.first?["message"] as? String)?.hasPrefix("bad.csv: row 2, column D") == true)

            let dry = try await Self.upload(client, Self.good, name: "good.csv", query: "?dry_run=true")
            #expect(dry.status == .ok && dry.json["rows_written"] as? Int == 0 && dry.json["rows_valid"] as? Int == 2)
            let done = try await Self.upload(client, Self.good, name: "good.csv")
            #expect(done.status == .ok && done.json["rows_written"] as? Int == 2)
            let again = try await Self.upload(client, Self.good, name: "good.csv")
            #expect(again.status == .ok && again.json["already_imported"] as? Bool == true)

            let units = ids(try await client.call(.get, "/api/v1/units").json)
            let s = units["S"]!
            try await client.execute(uri: "/api/v1/exports/activity?unit_id=\(s)&format=csv&lang=zh", method: .get) {
                #expect($0.status == .ok)
                let lines = String(buffer: $0.body).split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.count == 3 && lines[0].hasSuffix("单位代码,期间,品种,数量,计量单位,类别,行政区划代码,低位发热量,单位热值含碳量,碳氧化率"))
                #expect(lines.contains { $0.hasPrefix("F1,2023-01,柴油,10,t,") })
            }
            let computed = try await client.call(
                .post, "/api/v1/inventories", json: "{\"unit_id\": \(s), \"year\": 2023}")
            let inventory = computed.json.object["id"] as! Int
            try await client.execute(uri: "/api/v1/exports/inventories/\(inventory)?lang=en", method: .get) {
                let rows = try XLSXWorkbook(data: Data(buffer: $0.body)).rows(sheet: "Inventory \(inventory)")
                #expect(rows.count == 3 && rows[0][7] == .text("emissions, location-based (tCO2e)"))
            }
            try await client.execute(uri: "/api/v1/exports/indicators?unit_id=\(s)&year=2023&format=csv", method: .get)
            {
                #expect($0.status == .ok && String(buffer: $0.body).contains("总量"))
            }
            #expect(try await client.call(.get, "/api/v1/exports/indicators?year=2023").status == .badRequest)
            #expect(try await client.call(.get, "/api/v1/exports/inventories/999").status == .notFound)
        }
    }

    @Test("units and economic data: their templates, imports told by kind or by header, and exports")
    func unitsAndEconomic() async throws {
        try await withAPI("sqlite") { client, _ in
            for (kind, first) in [("units", "code"), ("economic", "unit")] {
                try await client.execute(uri: "/api/v1/templates/\(kind)?lang=en", method: .get) { response in
                    let workbook = try XLSXWorkbook(data: Data(buffer: response.body))
                    #expect(workbook.sheetNames == [kind == "units" ? "Units" : "Economic", "Lists", "Instructions"])
                    #expect(try workbook.rows(sheet: workbook.sheetNames[0])[0][0] == .text(first))
                }
            }
            let units = Data(
                "单位代码,单位名称,层级,上级单位代码,行业代码,行政区划代码,持股比例,报送频次\nG,集团,集团,,,510000,,\nE,企业,企业,G,C25,510104,60%,\n"
                    .utf8)
            let created = try await Self.upload(client, units, name: "units.csv")
            #expect(created.status == .ok && created.json["rows_written"] as? Int == 2)
            let economic = Data("unit,period,value_added\nE,2023-01,120.5\nE,2023-02,-3\n".utf8)
            let refused = try await Self.upload(client, economic, name: "va.csv", query: "?kind=economic&lang=en")
            #expect(refused.status == .unprocessableContent)
            let errors = refused.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { "\($0["row"] ?? "") \($0["column"] ?? "")" } == ["3 value_added"])
            let fixed = Data("unit,period,value_added\nE,2023-01,120.5\nE,2023-02,130\n".utf8)
            #expect(try await Self.upload(client, fixed, name: "va.csv").json["rows_written"] as? Int == 2)
            #expect(try await Self.upload(client, fixed, name: "x.csv", query: "?kind=budget").status == .badRequest)

            let g = ids(try await client.call(.get, "/api/v1/units").json)["G"]!
            try await client.execute(uri: "/api/v1/exports/units?unit_id=\(g)&format=csv&lang=en", method: .get) {
                let lines = String(buffer: $0.body).split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.contains("E,企业,enterprise,G,C25,510104,0.6,monthly"))
            }
            try await client.execute(uri: "/api/v1/exports/economic?unit_id=\(g)&format=csv&lang=zh", method: .get) {
                let lines = String(buffer: $0.body).split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.count == 3 && lines[1] == "E,2023-01,,120.5,,100,2023")
            }
        }
    }

    @Test("projects and ledger entries: their templates, uploads told by header, and exports")
    func projectsAndLedger() async throws {
        try await withAPI("sqlite") { client, _ in
            for (kind, sheet, first) in [("projects", "Reduction projects", "unit"), ("ledger", "Carbon-asset ledger", "unit")] {
                try await client.execute(uri: "/api/v1/templates/\(kind)?lang=en", method: .get) { response in
                    let workbook = try XLSXWorkbook(data: Data(buffer: response.body))
                    #expect(workbook.sheetNames == [sheet, "Lists", "Instructions"])
                    #expect(try workbook.rows(sheet: sheet)[0][0] == .text(first))
                }
            }
            let units = Data("code,name,level,parent_code,region_code\nG,集团,group,,510000\nE,企业,enterprise,G,510104\n".utf8)
            #expect(try await Self.upload(client, units, name: "units.csv").json["rows_written"] as? Int == 2)
            let projects = Data(
                "unit,code,name,type,first_year,lifetime_years,capex,item,quantity,uom\nE,E-01,Motors,efficiency,2024,10,80,电力,500,MWh\n"
                    .utf8)
            let saved = try await Self.upload(client, projects, name: "projects.csv")
            #expect(saved.status == .ok && saved.json["rows_written"] as? Int == 1)
            let ledger = Data(
                "unit,day,action,kind,vintage,quantity\nE,2024-03-01,buy,cea,2023,100\nE,2024-03-02,sell,cea,2023,150\n".utf8)
            let refused = try await Self.upload(client, ledger, name: "ledger.csv", query: "?lang=en")
            #expect(refused.status == .unprocessableContent)
            let errors = refused.json["errors"] as? [[String: Any]] ?? []
            #expect(errors.map { "\($0["row"] ?? "") \($0["column"] ?? "")" } == ["3 quantity"])
            let g = ids(try await client.call(.get, "/api/v1/units").json)["G"]!
            try await client.execute(uri: "/api/v1/exports/projects?unit_id=\(g)&format=csv&lang=en", method: .get) {
                let lines = String(buffer: $0.body).split(whereSeparator: \.isNewline).map(String.init)
                #expect(lines.count == 2 && lines[1].hasPrefix("E,E-01,Motors,energy efficiency,planned,2024,10,80,"))
            }
            try await client.execute(uri: "/api/v1/exports/ledger?unit_id=\(g)&format=csv", method: .get) {
                #expect($0.status == .ok && String(buffer: $0.body).split(whereSeparator: \.isNewline).count == 1)
            }
        }
    }

    @Test("a large upload runs as a job whose state is polled")
    func job() async throws {
        try await withAPI("sqlite", importJobThreshold: 10) { client, _ in
            #expect(try await client.call(.post, "/api/v1/units", json: treeJSON).status == .created)
            let started = try await Self.upload(client, Self.good, name: "good.csv")
            #expect(started.status == .accepted)
            let location = try #require(started.headers[.location])
            var state = "running"
            for _ in 0..<200 where state == "running" {
                try await Task.sleep(for: .milliseconds(20))
                let polled = try await client.call(.get, location)
                state = polled.json.object["state"] as? String ?? ""
                if state == "done" {
                    #expect((polled.json.object["report"] as? [String: Any])?["rows_written"] as? Int == 2)
                }
            }
            #expect(state == "done")
            #expect(try await client.call(.get, "/api/v1/imports/nope").status == .notFound)
            // A raw upload named with folders is kept under its last name only.
            let raw = try await client.execute(
                uri: "/api/v1/imports?file_name=../../escape.csv&dry_run=true", method: .post,
                body: ByteBuffer(bytes: Self.good)
            ) { $0.headers[.location] }
            let polled = try await client.call(.get, try #require(raw))
            #expect(polled.json.object["file"] as? String == "escape.csv")
            #expect(IntakeAPI.safeName("..") == "upload" && IntakeAPI.safeName("a\\b.csv") == "b.csv")
        }
    }
}
