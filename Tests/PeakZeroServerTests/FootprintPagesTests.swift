import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import Testing

@testable import PeakZeroServer

/// The footprint pages: a unit's models with the form, a model's footprint in both languages.
@Suite("Web pages: product footprints")
struct FootprintPagesTests {
    @Test("a model added through the form shows its footprint, stages, flows, tree and range in both languages")
    func pages() async throws {
        try await withAPI("sqlite") { client, _ in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            func page(_ uri: String) async throws -> (status: Int, body: String) {
                try await client.execute(uri: uri, method: .get, headers: [:]) {
                    (Int($0.status.code), String(buffer: $0.body))
                }
            }
            let empty = try await page("/units/\(f1)/footprints?lang=en")
            #expect(empty.status == 200)
            #expect(empty.body.contains("have no product models yet"))
            let form =
                "model=" + (FootprintAPITests.model.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let created = try await client.execute(
                uri: "/units/\(f1)/footprints?lang=en", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: form)
            ) { ($0.status.code, $0.headers[.location] ?? "") }
            #expect(created.0 == 303)
            let location = created.1
            #expect(location.hasPrefix("/footprint-models/"))
            let en = try await page(location + "&monte_carlo=200")
            #expect(en.status == 200)
            // 0.6173 kg CO2e by hand (FootprintAPITests), grouped to four decimals.
            #expect(en.body.contains("0.6173 kg CO2e"))
            #expect(en.body.contains("Monte Carlo, 200 draws"))
            #expect(en.body.contains("GRID-083"))
            #expect(en.body.contains("cathode material"))
            let zh = try await page(location.replacingOccurrences(of: "lang=en", with: "lang=zh"))
            #expect(zh.body.contains("各生命周期阶段"))
            #expect(zh.body.contains("原材料获取"))
            let listed = try await page("/units/\(units["G"]!)/footprints?lang=zh")
            #expect(listed.body.contains(">cell</a>"))

            let bad = "model=" + ("{\"name\": 1}".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")
            let refused = try await client.execute(
                uri: "/units/\(f1)/footprints?lang=en", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: bad)
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(refused.0 == 422)
            #expect(refused.1.contains("Not a readable product model"))
        }
    }

    @Test("a model file is imported through the page, declared, and deleted")
    func importAndDelete() async throws {
        try await withAPI("sqlite") { client, database in
            let units = try await RollupAPITests.load(client)
            let f1 = units["F1"]!
            let boundary = "pz-boundary"
            func multipart(_ file: String) -> ByteBuffer {
                ByteBuffer(
                    string: "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cell.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n\(file)\r\n--\(boundary)--\r\n")
            }
            let headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(boundary)"]
            let imported = try await client.execute(
                uri: "/units/\(f1)/footprints/import?lang=en", method: .post, headers: headers,
                body: multipart(FootprintAPITests.templateCSV)
            ) { (Int($0.status.code), $0.headers[.location] ?? "") }
            #expect(imported.0 == 303)
            #expect(imported.1.contains("imported=1"))
            let page = try await client.execute(uri: imported.1, method: .get, headers: [:]) { String(buffer: $0.body) }
            #expect(page.contains("The model was imported"))
            #expect(page.contains("Declaration (GB/T 24067-2024)"))
            #expect(page.contains("Partial footprint (cradle to gate)"))
            #expect(page.contains("grid:51:2022"))

            let refused = try await client.execute(
                uri: "/units/\(f1)/footprints/import?lang=en", method: .post, headers: headers,
                body: multipart(FootprintAPITests.templateCSV.replacingOccurrences(of: ",0.4,kg", with: ",lots,kg"))
            ) { (Int($0.status.code), String(buffer: $0.body)) }
            #expect(refused.0 == 422)
            #expect(refused.1.contains("row 7"))

            let id = try #require(try await FootprintModelStore(database).list(under: Int64(f1)).first?.id)
            let deleted = try await client.execute(
                uri: "/footprint-models/\(id)/delete?lang=en", method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"], body: ByteBuffer(string: "")
            ) { Int($0.status.code) }
            #expect(deleted == 303)
            #expect(try await FootprintModelStore(database).list(under: Int64(f1)).isEmpty)
        }
    }
}
