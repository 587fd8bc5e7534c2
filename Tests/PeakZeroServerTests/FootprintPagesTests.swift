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
}
