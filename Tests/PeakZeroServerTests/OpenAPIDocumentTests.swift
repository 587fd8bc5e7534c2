import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@testable import PeakZeroServer

/// The document's parameters and bodies are what the handlers read, and a method the API does not
/// serve is told so.
@Suite("The OpenAPI document's parameters, bodies and methods")
struct OpenAPIDocumentTests {
    @Test("every query parameter a route declares has a schema")
    func everyQueryParameter_isTyped() {
        for route in APIRoute.allCases {
            for (name, _) in route.queryParameters {
                #expect(QueryParameterSchemas.schema(name, on: route) != nil, "\(route): \(name)")
            }
        }
    }

    @Test("every route that takes a body declares it, and its schema is read from the decoded type")
    func everyBody_isDeclaredAndProbed() throws {
        // The routes that read nothing from their body (a step with no reason, a disable, issuing a
        // report named by its query).
        let bodiless: Set<APIRoute> = [
            .submitPeriod, .approvePeriod, .disableAccount, .issueInventoryReport, .issueSupervisorReport, .issueClimateReport,
            .issueRegionSupervisorReport,
        ]
        for route in APIRoute.allCases where [.post, .put].contains(route.method) && !bodiless.contains(route) {
            let body = try #require(route.declaration.documentation.body, "\(route) declares no body")
            #expect(body.content().problems == [], "\(route)")
        }
        // A batch of activity records: one or many; the fields of `NewActivityRecord` in the API's spelling.
        let content = try #require(APIRoute.createActivity.declaration.documentation.body).content().content
        let schema = try #require((content["application/json"] as? [String: Any])?["schema"] as? [String: Any])
        let choices = try #require(schema["oneOf"] as? [[String: Any]])
        #expect(choices.count == 2)
        let record = choices[0]
        let properties = try #require(record["properties"] as? [String: [String: Any]])
        #expect(properties["unit_code"]?["type"] as? String == "string")
        #expect(properties["quantity"]?["type"] as? String == "number")
        let required = Set(record["required"] as? [String] ?? [])
        #expect(required.isSuperset(of: ["unit_code", "period", "item", "quantity", "uom"]))
        #expect(!required.contains("source"))
        #expect(choices[1]["minItems"] as? Int == 1)
    }

    @Test("a probe of a type reads nested objects, arrays, dictionaries and fixed sets of texts")
    func probe_readsTheTypesShape() throws {
        enum Colour: String, Decodable, CaseIterable { case red, green }
        struct Inner: Decodable { let shareOfTotal: Double }
        struct Outer: Decodable {
            let name: String
            let colour: Colour?
            let parts: [Inner]
            let byYear: [String: Int]
        }
        let found = BodySchema(of: Outer.self)
        #expect(found.problems == [])
        let properties = try #require(found.schema["properties"] as? [String: [String: Any]])
        #expect(Set(properties.keys) == ["name", "colour", "parts", "by_year"])
        // Optional: the schema or null.
        let colour = try #require(properties["colour"]?["anyOf"] as? [[String: Any]])
        #expect(colour.first?["enum"] as? [String] == ["red", "green"])
        #expect(colour.last?["type"] as? String == "null")
        let items = try #require(properties["parts"]?["items"] as? [String: Any])
        #expect((items["properties"] as? [String: Any])?["share_of_total"] != nil)
        #expect((properties["by_year"]?["additionalProperties"] as? [String: Any])?["type"] as? String == "integer")
        #expect(Set(found.schema["required"] as? [String] ?? []) == ["name", "parts", "by_year"])
        // A name the snake-case decoder could never reach is reported, not documented wrongly.
        struct Unreachable: Decodable { let ncvGJ: Double }
        #expect(BodySchema(of: Unreachable.self).problems.count == 1)
    }

    @Test("a method the API does not serve at a path is 405 with Allow; an unknown path is a JSON 404")
    func unservedMethod_is405() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let (status, json) = try await client.call(.patch, "/api/v1/units")
            #expect(status == .methodNotAllowed)
            #expect((json.object["error"] as? [String: Any])?["code"] as? String == "method_not_allowed")
            try await client.execute(uri: "/api/v1/units/7", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
                #expect(response.headers[.allow] == "DELETE, GET, PUT")
            }
            let (missing, body) = try await client.call(.get, "/api/v1/no-such-thing")
            #expect(missing == .notFound)
            #expect((body.object["error"] as? [String: Any])?["code"] as? String == "no_such_route")
        }
    }

    @Test("the conformance check of every answer the API tests receive fails on an undocumented status")
    func conformanceCheck_canFail() {
        // GET /api/v1/units documents neither 409 nor 422; its 400 is documented.
        withKnownIssue {
            DocumentConformance.check(.get, "/api/v1/units?under=1", status: .conflict, json: nil)
        }
        withKnownIssue {
            let notAnError: [String: Any] = ["message": "no error object"]
            DocumentConformance.check(.get, "/api/v1/units", status: .badRequest, json: notAnError)
        }
        DocumentConformance.check(
            .get, "/api/v1/units", status: .badRequest,
            json: ["error": ["code": "bad_request", "message": "limit", "issues": [[String: Any]]()]])
    }

    @Test("a declared answer's schema is read off its type, and a body that does not fit is caught")
    func responseSchemas() throws {
        for route in APIRoute.allCases {
            if let response = route.declaration.documentation.response {
                #expect(response.schema().problems == [], "\(route)")
            }
        }
        let schema = try #require(APIRoute.getUnit.declaration.documentation.response).schema().schema
        let unit: [String: Any] = [
            "id": 1, "code": "S", "name": "Supervisor", "level": "supervisor", "region_code": "510000",
            "ownership_share": 1.0, "reporting_class": "monthly",
        ]
        #expect(JSONSchemaCheck.problems(unit, schema) == [])
        var wrong = unit
        wrong["level"] = "planet"
        wrong["colour"] = "red"
        wrong.removeValue(forKey: "name")
        #expect(JSONSchemaCheck.problems(wrong, schema).count == 3)
        withKnownIssue {
            DocumentConformance.check(.get, "/api/v1/units/1", status: .ok, json: wrong)
        }
    }

    @Test("every route that answers JSON declares its answer's type (all but files, empty answers and the document)")
    func everyAnswer_isDeclared() {
        var undeclared: [String] = []
        for route in APIRoute.allCases {
            let documentation = route.declaration.documentation
            // The document itself and Prometheus's text are not JSON.
            if documentation.returnsFile || documentation.success == .noContent || [.openAPI, .metrics].contains(route) {
                continue
            }
            if documentation.response == nil { undeclared.append("\(route)") }
        }
        #expect(undeclared == [])
    }

    @Test("a decomposition's form is refused when misspelt, with or without its years")
    func formIsChecked() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            let (created, json) = try await client.call(.post, "/api/v1/units", json: treeJSON)
            #expect(created == .created)
            let supervisor = try #require(ids(json)["S"])
            let (status, _) = try await client.call(.get, "/api/v1/units/\(supervisor)/pathway/history?form=null")
            #expect(status == .badRequest)
        }
    }

    @Test("a missing object is named in the caller's language")
    func missingObject_isNamedInTheLanguage() async throws {
        try await withAPI("sqlite") { client, _ async throws in
            var headers = HTTPFields()
            headers[.acceptLanguage] = "zh-CN"
            let (status, json) = try await client.call(.get, "/api/v1/inventories/999999", headers: headers)
            #expect(status == .notFound)
            #expect((json.object["error"] as? [String: Any])?["message"] as? String == "没有 id 为 999999 的清单")
        }
    }
}
