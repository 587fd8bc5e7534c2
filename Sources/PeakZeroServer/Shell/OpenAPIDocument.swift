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
                    "schema": ["type": name == "code" ? "string" : "integer"],
                ]
            }
            if APIRoute.paged.contains(route) {
                parameters += [
                    [
                        "name": "limit", "in": "query", "required": false,
                        "description": "items in the page: 1 to 10,000 (default 1,000)", "schema": ["type": "integer"],
                    ],
                    [
                        "name": "cursor", "in": "query", "required": false,
                        "description": "the next_cursor of the page before", "schema": ["type": "string"],
                    ],
                ]
            }
            parameters += route.queryParameters.map { name, description in
                [
                    "name": name, "in": "query", "required": description == "required", "description": description,
                    "schema": [
                        "type": ["year", "under", "unit_id"].contains(name)
                            ? "integer" : name == "dry_run" ? "boolean" : "string"
                    ],
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
            responses[String(route.successStatus.code)] = [
                "description": "success", "content": ["application/json": ["schema": ["type": "object"]]],
            ]
        }
        if route.returnsFile {
            responses[String(route.successStatus.code)] = [
                "description": "the file",
                "content": [
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [
                        "schema": ["type": "string", "format": "binary"]
                    ],
                    "text/csv": ["schema": ["type": "string"]],
                ],
            ]
        }
        if route == .metrics {
            responses["200"] = [
                "description": "Prometheus's text exposition format",
                "content": ["text/plain": ["schema": ["type": "string"]]],
            ]
        }
        if route == .createImport {
            responses["202"] = [
                "description": "a large file: the import runs as a job; poll its Location",
                "content": ["application/json": ["schema": ["type": "object"]]],
            ]
        }
        let error: [String: Any] = [
            "description": "error", "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
        ]
        if !pathParameters(route.path).isEmpty { responses["404"] = error }
        if route.method != .get || !route.queryParameters.isEmpty || APIRoute.paged.contains(route) {
            responses["400"] = error
        }
        if route.method == .post || route.method == .put {
            // A body: refused when not JSON (415; an import takes a file), too large (413) or invalid (422).
            responses["422"] = error
            responses["413"] = error
            if route != .createImport { responses["415"] = error }
        }
        if !route.isPublic {
            responses["401"] = error
            // A change the account's roles do not allow; a unit outside its scope reads as missing (404).
            if route.change != .nothing { responses["403"] = error }
        }
        if route == .createToken {
            responses["401"] = error
            responses["429"] = [
                "description": "too many failed sign-ins",
                "headers": ["Retry-After": ["description": "seconds to wait", "schema": ["type": "integer"]]],
                "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]],
            ]
        }
        if [.deleteUnit, .createFactorSet, .unitIndicators].contains(route) { responses["409"] = error }
        // The server's own failures, told with the request's id: nothing was written.
        responses["500"] = error
        responses["503"] = error
        if route.method != .get { responses["507"] = error }
        return responses
    }

    static func requestBody(for route: APIRoute) -> [String: Any]? {
        let schema: String
        switch route {
        case .createUnits: schema = "NewUnitOrBatch"
        case .updateUnit: schema = "NewUnit"
        case .createActivity: schema = "NewActivityRecordOrBatch"
        case .createEconomic: schema = "NewEconomicRecordOrBatch"
        case .createFactorSet: schema = "FactorSetUpload"
        case .createToken: schema = "TokenRequest"
        case .computeInventory: schema = "ComputeInventory"
        case .putRegionPlan: schema = "PathwayPlan"
        case .createProjectReview: schema = "ProjectReviewRequest"
        case .createImport:
            return [
                "required": true,
                "content": [
                    "multipart/form-data": [
                        "schema": [
                            "type": "object", "properties": ["file": ["type": "string", "format": "binary"]],
                        ]
                    ],
                    "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
                ],
            ]
        default: return nil
        }
        return [
            "required": true, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/\(schema)"]]],
        ]
    }

    static func object(_ properties: [String: String], required: [String]) -> [String: Any] {
        [
            "type": "object", "required": required,
            "properties": properties.mapValues { type -> [String: Any] in ["type": type] },
        ]
    }

    static func oneOrMany(_ name: String) -> [String: Any] {
        [
            "oneOf": [
                ["$ref": "#/components/schemas/\(name)"],
                ["type": "array", "items": ["$ref": "#/components/schemas/\(name)"]],
            ]
        ]
    }

    static var schemas: [String: Any] {
        [
            "Error": [
                "type": "object",
                "properties": [
                    "error": [
                        "type": "object",
                        "properties": [
                            "code": ["type": "string"], "message": ["type": "string"],
                            "issues": [
                                "type": "array",
                                "items": object(
                                    ["row": "integer", "field": "string", "message": "string"], required: ["message"]),
                            ],
                        ],
                    ]
                ],
            ],
            "NewUnit": object(
                [
                    "code": "string", "name": "string", "level": "string", "parent_code": "string",
                    "industry_code": "string", "region_code": "string", "ownership_share": "number",
                    "reporting_class": "string",
                ], required: ["code", "name", "level", "region_code"]),
            "NewUnitOrBatch": oneOrMany("NewUnit"),
            "NewActivityRecord": object(
                [
                    "unit_code": "string", "period": "string", "item": "string", "quantity": "number", "uom": "string",
                    "category": "string", "ncv": "number", "carbon_content": "number", "oxidation_rate": "number",
                    "source": "string",
                ], required: ["unit_code", "period", "item", "quantity", "uom"]),
            "NewActivityRecordOrBatch": oneOrMany("NewActivityRecord"),
            "NewEconomicRecord": object(
                [
                    "unit_code": "string", "period": "string", "output_value": "number", "value_added": "number",
                    "revenue": "number", "price_index": "number", "base_year": "integer",
                ], required: ["unit_code", "period"]),
            "NewEconomicRecordOrBatch": oneOrMany("NewEconomicRecord"),
            "FactorSetUpload": object(["name": "string", "csv": "string"], required: ["name", "csv"]),
            "TokenRequest": object(
                ["name": "string", "password": "string", "token_name": "string", "days": "integer"],
                required: ["name", "password"]),
            "ComputeInventory": object(
                [
                    "unit_id": "integer", "year": "integer", "gwp": "string", "scope2": "string",
                    "fuel_parameters": "string",
                ],
                required: ["unit_id", "year"]),
            "PathwayPlan": object(
                [
                    "region": "string", "base_year": "integer", "base": "object", "plateau_tolerance": "number",
                    "scenarios": "array", "targets": "array",
                ],
                required: ["scenarios"]),
            "ProjectReviewRequest": object(["scenario": "string", "project": "object"], required: ["project"]),
        ]
    }
}
