import Foundation
import HummingbirdTesting
import Testing

@testable import PeakZeroServer

@Suite("API routes and their documentation")
struct APIRouteCoverageTests {
    @Test("the OpenAPI document lists exactly the routes served, each with its method")
    func openAPI_documentsEveryRoute() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let (status, json) = try await client.call(.get, "/api/v1/openapi.json")
            #expect(status == .ok)
            let paths = try #require(json.object["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, operations) in paths {
                for method in operations.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            let served = Set(APIRoute.allCases.map { "\($0.method.rawValue) \($0.path)" })
            #expect(documented == served)
            #expect(json.object["openapi"] as? String == "3.1.0")
        }
    }

    @Test("every declared route is registered: none answers as a path or method the API does not serve")
    func everyRoute_isRegistered() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            for route in APIRoute.allCases {
                let uri =
                    route.path.replacingOccurrences(of: "{id}", with: "999999")
                    .replacingOccurrences(of: "{code}", with: "510000") + "?year=2023"
                let body: String? = [.post, .put].contains(route.method) ? "{}" : nil
                let (status, json) = try await client.call(route.method, uri, json: body)
                // An unregistered route would be told apart from a missing object by its error code.
                let code = (json.object["error"] as? [String: Any])?["code"] as? String
                #expect(status != .methodNotAllowed, "\(route) is not registered")
                #expect(code != "no_such_route" && code != "method_not_allowed", "\(route) is not registered")
                if status == .notFound { #expect(code == "not_found", "\(route)") }
            }
        }
    }

    @Test("every API route and page is declared by exactly one feature, and no two share a method and path")
    func everyRoute_isDeclaredOnce() {
        let routes = APIRoute.declarations.map(\.route)
        #expect(routes.count == APIRoute.allCases.count)
        #expect(Set(routes) == Set(APIRoute.allCases))
        let pages = SitePage.declarations.map(\.page)
        #expect(pages.count == SitePage.allCases.count)
        #expect(Set(pages) == Set(SitePage.allCases))
        let served = APIRoute.declarations.map { "\($0.rule.method) \($0.rule.path)" }
            + SitePage.declarations.map { "\($0.rule.method) \($0.rule.path)" }
        #expect(Set(served).count == served.count)
    }
}
