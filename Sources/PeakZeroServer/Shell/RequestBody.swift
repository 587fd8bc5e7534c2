/// What a route reads from its request body, as the OpenAPI document describes it: the type the
/// handler decodes (its schema read off the type by `BodySchema`), or a file.
struct RequestBody: @unchecked Sendable {
    /// How the body's keys are spelt.
    enum Keys {
        /// The API's snake_case, turned into Swift names by the decoder (`convertFromSnakeCase`).
        case converted
        /// Exactly as the type's coding keys say (plan files, which have their own snake_case keys).
        case asWritten
        /// As the API's encoder writes them (`convertToSnakeCase`), for answers: no key need decode back.
        case encoded
    }

    /// The OpenAPI `content` map, and what the schema could not say.
    let content: () -> (content: [String: Any], problems: [String])

    /// A JSON body decoded as `type`; with `batch`, also an array of them (at least one).
    static func json<T: Decodable>(_ type: T.Type, batch: Bool = false, keys: Keys = .converted) -> RequestBody {
        RequestBody {
            let found = BodySchema(of: type, keys: keys)
            let schema: [String: Any] =
                batch ? ["oneOf": [found.schema, ["type": "array", "minItems": 1, "items": found.schema]]] : found.schema
            return (["application/json": ["schema": schema]], found.problems)
        }
    }

    /// A JSON body that two types read, each its own fields (a target: who it is for, and what it is).
    static func json<A: Decodable, B: Decodable>(_ first: A.Type, _ second: B.Type) -> RequestBody {
        RequestBody {
            let one = BodySchema(of: first, keys: .converted), other = BodySchema(of: second, keys: .converted)
            return (
                ["application/json": ["schema": ["allOf": [one.schema, other.schema]]]], one.problems + other.problems
            )
        }
    }

    /// A JSON body as `type`, or the same as CSV (`text/csv`).
    static func jsonOrCSV<T: Decodable>(_ type: T.Type) -> RequestBody {
        RequestBody {
            let found = BodySchema(of: type, keys: .converted)
            return (["application/json": ["schema": found.schema], "text/csv": ["schema": ["type": "string"]]], found.problems)
        }
    }

    /// A spreadsheet or CSV file, in a form's `file` field or as the raw body.
    static let file = RequestBody {
        (
            [
                "multipart/form-data": [
                    "schema": ["type": "object", "properties": ["file": ["type": "string", "format": "binary"]]]
                ],
                "application/octet-stream": ["schema": ["type": "string", "format": "binary"]],
            ], []
        )
    }
}
