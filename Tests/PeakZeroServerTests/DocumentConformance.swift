import Foundation
import HTTPTypes
import Testing

@testable import PeakZeroServer

/// Every answer the API tests receive through `call` is checked against the OpenAPI document: its
/// status must be one the route lists, and a JSON error must have the documented shape. So a route
/// that starts answering a status its documentation omits fails the test that sees it.
enum DocumentConformance {
    /// Each route's path as segments (nil for a parameter), its method and its documented statuses.
    /// `errors`: the statuses whose documented body is the Error schema.
    /// Built once and only read afterwards.
    nonisolated(unsafe) private static let routes:
        [(segments: [Substring?], method: String, statuses: Set<Int>, errors: Set<Int>, success: [String: Any]?)] =
        APIRoute.allCases.map { route in
            let responses = OpenAPIDocument.responses(for: route)
            let errors = responses.compactMap { status, response -> Int? in
                let content = (response as? [String: Any])?["content"] as? [String: Any]
                let schema = (content?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
                return schema?["$ref"] as? String == "#/components/schemas/Error" ? Int(status) : nil
            }
            return (
                route.path.split(separator: "/").map { $0.hasPrefix("{") ? nil : $0 }, route.method.rawValue,
                Set(responses.keys.compactMap { Int($0) }), Set(errors),
                route.declaration.documentation.response?.schema().schema
            )
        }

    static func check(
        _ method: HTTPRequest.Method, _ uri: String, status: HTTPResponse.Status, json: Any?,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let path = uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? uri
        let segments = path.split(separator: "/")
        // The exact route wins over a parameter (`/units/{id}` against a literal path of the same length).
        let candidates = routes.filter { route in
            route.method == method.rawValue && route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { expected, actual in expected.map { $0 == actual } ?? true }
        }
        guard let route = candidates.max(by: { $0.segments.compactMap { $0 }.count < $1.segments.compactMap { $0 }.count })
        else { return }  // not a route of the API: 404 or 405, which no operation lists
        if !route.statuses.contains(status.code) {
            Issue.record(
                "\(method) \(path) answered \(status.code), which its documentation does not list", sourceLocation: sourceLocation)
        }
        // A success's body, where the route declares its type, must fit the type's schema.
        if (200..<300).contains(status.code), let schema = route.success, let json {
            for problem in JSONSchemaCheck.problems(json, schema) {
                Issue.record("\(method) \(path) answered a body its schema does not allow: \(problem)", sourceLocation: sourceLocation)
            }
        }
        if route.errors.contains(status.code), let body = json as? [String: Any] {
            let error = body["error"] as? [String: Any]
            let wellFormed =
                error?["code"] is String && error?["message"] is String && error?["issues"] is [[String: Any]]
            if !wellFormed {
                Issue.record("\(method) \(path) answered \(status.code) without the Error schema", sourceLocation: sourceLocation)
            }
        }
    }
}
