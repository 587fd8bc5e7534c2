import Accounting
import Foundation
import HTTPTypes
import HummingbirdTesting
import Intake
import Persistence
import Testing

@testable import PeakZeroServer

/// A reporter imports its own units' data: a row for a unit outside its subtree reads as a row for
/// a unit that does not exist (and nothing of the file is written), a units file is refused, and
/// another account's import job is missing — through the API, the web page and a streamed file.
@Suite("Imports within the account's subtree")
struct ScopedImportTests {
    static let mixed = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-07,柴油,10,t\nE2,2023-07,柴油,10,t\n".utf8)
    static let own = Data("单位代码,期间,品种,数量,计量单位\nF1,2023-07,柴油,10,t\n".utf8)

    @Test("a reporter's file: rows of other units are unknown units, its own are written")
    func reporterImports() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            func upload(_ data: Data, name: String) async throws -> (HTTPResponse.Status, [String: Any]) {
                var (body, headers) = IntakeAPITests.multipart(data, name: name)
                headers[.authorization] = w.reporter[.authorization]
                return try await client.execute(
                    uri: "/api/v1/imports?lang=en", method: .post, headers: headers, body: body
                ) {
                    (
                        $0.status,
                        (try? JSONSerialization.jsonObject(with: Data(buffer: $0.body))) as? [String: Any] ?? [:]
                    )
                }
            }
            let before = try await ActivityStore(database).list(under: Int64(w.units["S"]!), year: 2023).count
            let refused = try await upload(Self.mixed, name: "mixed.csv")
            #expect(refused.0 == .unprocessableContent)
            let errors = (refused.1["errors"] as? [[String: Any]]) ?? []
            #expect(errors.count == 1 && errors.first?["row"] as? Int == 3, "\(refused.1)")
            #expect(try await ActivityStore(database).list(under: Int64(w.units["S"]!), year: 2023).count == before)
            let done = try await upload(Self.own, name: "own.csv")
            #expect(done.0 == .ok)
            #expect(try await ActivityStore(database).list(under: Int64(w.units["S"]!), year: 2023).count == before + 1)
            // The unit tree is the administrator's to import.
            let units = Data("code,name,level,parent_code,region_code\nF9,New,facility,E1,510104\n".utf8)
            let tree = try await upload(units, name: "units.csv")
            #expect(tree.0 == .unprocessableContent && "\(tree.1)".contains("administrator"))
            #expect(try await UnitStore(database).list(scope: .everything).allSatisfy { $0.code != "F9" })
        }
    }

    @Test("a streamed file keeps to the scope too")
    func streamed() async throws {
        try await withAPI("sqlite") { client, database in
            _ = try await AuthorizationMatrixTests.world(client, database)
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pz-scope-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let path = folder.appendingPathComponent("mixed.csv").path
            try Self.mixed.write(to: URL(fileURLWithPath: path))
            let reporter = try #require(try await AccountStore(database).account(named: "rita"))
            let scope = try await AccessScope.readAndWrite(
                of: reporter, changing: RouteChange.changesData, in: database
            ).write
            let report = try await FileImport(database).run(path: path, dryRun: false, language: .en, today: Date(), scope: scope)
            #expect(!report.succeeded && report.errors.map(\.row) == [3] && report.rowsWritten == 0)
        }
    }

    @Test("an import job is its starter's: another account finds no such job")
    func jobsAreTheirOwners() async throws {
        try await withAPI("sqlite", importJobThreshold: 10) { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let (body, headers) = IntakeAPITests.multipart(Self.own, name: "own.csv")
            let started = try await client.execute(uri: "/api/v1/imports", method: .post, headers: headers, body: body)
            {
                ($0.status, $0.headers[.location] ?? "")
            }
            #expect(started.0 == .accepted && started.1.hasPrefix("/api/v1/imports/"))
            #expect(try await client.call(.get, started.1, headers: w.reporter).status == .notFound)
            #expect(try await client.call(.get, started.1).status == .ok)
        }
    }
}

extension ScopedImportTests {
    @Test("a row in a submitted month is named on its row and column, in the dry run already")
    func lockedRows() async throws {
        try await withAPI("sqlite") { client, database in
            let w = try await AuthorizationMatrixTests.world(client, database)
            let f1 = Int64(w.units["F1"]!)
            let july = try #require(ReportingPeriod(parsing: "2023-07"))
            try await AuditActor.$current.withValue(AuditActor(accountID: 901, name: "rita")) {
                try await ReviewStore(database).take(.submit, unitID: f1, period: july)
            }
            let file = try IntakeFile(data: Self.own, name: "own.csv")
            let report = try await FileImport(database).run(file, dryRun: true, language: .zh, today: Date(), scope: .everything)
            #expect(!report.succeeded && report.errors.first?.row == 2)
            #expect(report.errors.first?.problem.text(in: .zh).contains("已报送") == true)
            let economic = try IntakeFile(
                data: Data("单位代码,期间,工业总产值（万元）\nF1,2023-07,5\n".utf8), name: "economic.csv")
            let refused = try await FileImport(database).run(economic, kind: .economic, dryRun: true, language: .en, today: Date(), scope: .everything)
            #expect(
                !refused.succeeded && refused.errors.contains { $0.row == 2 && $0.columnLetter == "B" },
                "\(refused.errors)")
        }
    }
}
