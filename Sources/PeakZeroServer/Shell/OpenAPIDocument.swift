import Foundation
import Hummingbird

/// The OpenAPI 3.1 document of the API, built from `APIRoute`, so it lists exactly the routes served.
enum OpenAPIDocument {
    static var json: Response {
        let data = try! JSONSerialization.data(
            withJSONObject: document, options: [.sortedKeys, .withoutEscapingSlashes])
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: data)))
    }

    static var document: [String: Any] {
        var paths: [String: [String: Any]] = [:]
        for route in APIRoute.allCases {
            var operation: [String: Any] = [
                "operationId": route.rawValue, "summary": route.summary, "tags": [route.tag],
                "responses": responses(for: route),
            ]
            var parameters: [[String: Any]] = pathParameters(route.path).map { name in
                [
                    "name": name, "in": "path", "required": true,
                    "schema": QueryParameterSchemas.pathSchema(name),
                ]
            }
            if APIRoute.paged.contains(route) {
                parameters += [
                    [
                        "name": "limit", "in": "query", "required": false,
                        "description": "items in the page: 1 to 10,000 (default 1,000)",
                        "schema": ["type": "integer", "minimum": 1, "maximum": Page<Int>.largestLimit],
                    ],
                    [
                        "name": "cursor", "in": "query", "required": false,
                        "description": "the next_cursor of the page before",
                        "schema": ["type": "string", "pattern": "^[0-9]+$"],
                    ],
                ]
            }
            parameters += route.queryParameters.map { name, description in
                [
                    "name": name, "in": "query", "required": description == "required", "description": description,
                    "schema": QueryParameterSchemas.schema(name, on: route) ?? [String: Any](),
                ]
            }
            if !parameters.isEmpty { operation["parameters"] = parameters }
            if let body = requestBody(for: route) { operation["requestBody"] = body }
            if !route.isPublic { operation["security"] = [["bearer": [String]()], ["session": [String]()]] }
            paths[route.path, default: [:]][route.method.rawValue.lowercased()] = operation
        }
        return [
            "openapi": "3.1.0",
            "info": [
                "title": "PeakZero 双碳管理平台 API", "version": "1",
                "description":
                    "Units, activity and economic data, inventories and roll-ups. JSON in snake_case. Errors: {\"error\": {\"code\", \"message\", \"issues\": [{\"row\", \"field\", \"message\"}]}}; messages follow Accept-Language or ?lang=zh|en.",
            ],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "a personal token from POST /api/v1/auth/token",
                    ],
                    "session": ["type": "apiKey", "in": "cookie", "name": "peakzero_session"],
                ],
            ],
        ]
    }

    static func pathParameters(_ path: String) -> [String] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map { String($0.dropFirst().dropLast()) }
    }

    static func responses(for route: APIRoute) -> [String: Any] {
        var responses: [String: Any] = [
            String(route.successStatus.code): ["description": "success"]
        ]
        if route.successStatus != .noContent {
            let schema = route.declaration.documentation.response?.schema().schema ?? ["type": "object"]
            responses[String(route.successStatus.code)] = [
                "description": "success", "content": ["application/json": ["schema": schema]],
            ]
        }
        let file: [String: Any] = [
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                "schema": ["type": "string", "format": "binary"]
            ],
            "text/csv": ["schema": ["type": "string"]],
        ]
        if route.returnsFile {
            responses[String(route.successStatus.code)] = ["description": "the file", "content": file]
        } else if route.queryParameters.contains(where: { $0.name == "format" }) {
            // JSON, or with `format` the same as a file — a PDF too where `format` offers one (reports).
            var content = file.merging(["application/json": ["schema": ["type": "object"]]]) { first, _ in first }
            let formats = QueryParameterSchemas.schema("format", on: route)?["enum"] as? [String] ?? []
            if formats.contains("pdf") { content["application/pdf"] = ["schema": ["type": "string", "format": "binary"]] }
            responses[String(route.successStatus.code)] = [
                "description": "success; with format, the file", "content": content,
            ]
        }
        if route == .metrics {
            responses["200"] = [
                "description": "Prometheus's text exposition format",
                "content": ["text/plain": ["schema": ["type": "string"]]],
            ]
        }
        if route == .createImport {
            responses["422"] = [
                "description": "the file has errors: the import's report, with each error's sheet, row and column",
                "content": [
                    "application/json": [
                        "schema": [
                            "anyOf": [
                                ["type": "object", "required": ["errors"]], ["$ref": "#/components/schemas/Error"],
                            ]
                        ]
                    ]
                ],
            ]
            responses["202"] = [
                "description": "a large file: the import runs as a job; poll its Location",
                "content": ["application/json": ["schema": ["type": "object"]]],
            ]
        }
        let error: [String: Any] = [
            "description": "error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        // A missing object, or one outside the account's scope (which reads as missing).
        // A body may name one too (a measure's target).
        let namesAnObject =
            route.queryParameters.contains { ["unit_id", "under", "region"].contains($0.name) }
            || (route.method == .post || route.method == .put) && !route.isPublic
        if !pathParameters(route.path).isEmpty || namesAnObject { responses["404"] = error }
        // A query or path parameter that does not parse (a review period: 2024-03, 2024-Q1, 2024).
        if route.method != .get || !route.queryParameters.isEmpty || APIRoute.paged.contains(route)
            || route.path.contains("{period}")
        {
            responses["400"] = error
        }
        // A decomposition between years the data lacks; a period the unit does not report in.
        if route.queryParameters.contains(where: { $0.name == "from" }) || route.path.contains("{period}") {
            responses["422"] = error
        }
        if route.method == .post || route.method == .put {
            // A change the stored data refuses (422; an import's is its report), or one that collides (409).
            if route != .createImport { responses["422"] = error }
            responses["409"] = error
        }
        if let body = route.declaration.documentation.body {
            // A body too large (413), or not of a type the route reads (415).
            responses["413"] = error
            if body.content().content["application/json"] != nil { responses["415"] = error }
        }
        if !route.isPublic {
            responses["401"] = error
            // A change the account's roles do not allow; a unit outside its scope reads as missing (404).
            // The audit trail is read only by the roles that answer for it (AuditAccess).
            if route.change != .nothing || route == .listAudit { responses["403"] = error }
        }
        if route == .createToken {
            responses["401"] = error
            responses["429"] = [
                "description": "too many failed sign-ins",
                "headers": ["Retry-After": ["description": "seconds to wait", "schema": ["type": "integer"]]],
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ]
        }
        // Indicators (and their export) and reports of a unit no computed inventory covers yet.
        if [.deleteUnit, .unitIndicators, .exportIndicators, .inventoryReport, .issueInventoryReport, .supervisorReport, .issueSupervisorReport, .climateReport, .issueClimateReport, .regionSupervisorReport, .issueRegionSupervisorReport].contains(route) { responses["409"] = error }
        // The server's own failures, told with the request's id: nothing was written.
        responses["500"] = error
        responses["503"] = error
        if route.method != .get { responses["507"] = error }
        if route == .ready {
            responses["503"] = [
                "description": "not ready: the database does not answer, or migrations are pending",
                "content": [
                    "application/json": [
                        "schema": [
                            "type": "object", "required": ["status", "database", "migrations", "expected_migrations"],
                            "properties": [
                                "status": ["type": "string", "enum": ["unavailable"]],
                                "database": ["type": "string"], "migrations": ["type": "integer"],
                                "expected_migrations": ["type": "integer"], "reason": ["type": "string"],
                            ],
                        ]
                    ]
                ],
            ]
        }
        return responses
    }

    /// The route's request body: the schema of the type its handler decodes (`RequestBody`).
    static func requestBody(for route: APIRoute) -> [String: Any]? {
        guard let body = route.declaration.documentation.body else { return nil }
        return ["required": true, "content": body.content().content]
    }

    static var schemas: [String: Any] {
        [
            "Error": [
                "type": "object",
                "required": ["error"],
                "properties": [
                    "error": [
                        "type": "object",
                        "required": ["code", "message", "issues"],
                        "properties": [
                            "code": ["type": "string"], "message": ["type": "string"],
                            "issues": [
                                "type": "array",
                                "items": [
                                    "type": "object", "required": ["message"],
                                    "properties": [
                                        "row": ["type": "integer"], "field": ["type": "string"],
                                        "message": ["type": "string"],
                                    ],
                                ],
                            ],
                        ],
                    ]
                ],
            ]
        ]
    }
}
