/// What a route answers on success, as the OpenAPI document describes it: the schema of the type
/// the handler encodes, read off the type by `BodySchema` (with keys as the API's encoder writes
/// them). The API tests check every answer they receive against it.
struct ResponseBody: @unchecked Sendable {
    /// The JSON schema, and what the probe could not say.
    let schema: () -> (schema: [String: Any], problems: [String])

    /// The type itself.
    static func json<T: Decodable>(_ type: T.Type) -> ResponseBody {
        ResponseBody {
            let found = BodySchema(of: type, keys: .encoded)
            return (found.schema, found.problems)
        }
    }

    /// A page of the type (`Page`): its items, the total, and the next page's cursor or null.
    static func page<T: Decodable>(_ type: T.Type) -> ResponseBody {
        ResponseBody {
            let found = BodySchema(of: type, keys: .encoded)
            return (
                [
                    "type": "object", "required": ["items", "total", "next_cursor"],
                    "properties": [
                        "items": ["type": "array", "items": found.schema], "total": ["type": "integer"],
                        "next_cursor": ["type": ["string", "null"]],
                    ],
                ], found.problems
            )
        }
    }

    /// A list of the type under `items` (`Items`), as a batch's answer.
    static func items<T: Decodable>(_ type: T.Type) -> ResponseBody {
        ResponseBody {
            let found = BodySchema(of: type, keys: .encoded)
            return (
                [
                    "type": "object", "required": ["items"],
                    "properties": ["items": ["type": "array", "items": found.schema]],
                ], found.problems
            )
        }
    }

    /// One of two types, for a route whose answer differs by status (an import's report, or its
    /// job when it runs in the background).
    static func either<A: Decodable, B: Decodable>(_ first: A.Type, _ second: B.Type) -> ResponseBody {
        ResponseBody {
            let (a, b) = (BodySchema(of: first, keys: .encoded), BodySchema(of: second, keys: .encoded))
            return (["oneOf": [a.schema, b.schema]], a.problems + b.problems)
        }
    }
}
