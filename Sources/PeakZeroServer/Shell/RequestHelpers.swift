import Foundation
import Hummingbird
import NIOCore

extension Request {
    /// The body as one `T` or an array of them (a batch).
    /// The body as one `T` or an array of them (a batch); an empty batch is refused.
    mutating func decodeOneOrMany<T: Decodable>(_ type: T.Type, context: PeakZeroContext) async throws -> [T] {
        try requireJSON()
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        let data = Data(buffer: buffer)
        let decoder = context.requestDecoder
        let trimmed = data.first { !($0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09) }
        guard trimmed == UInt8(ascii: "[") else { return [try decoder.decode(T.self, from: data)] }
        let batch = try decoder.decode([T].self, from: data)
        if batch.isEmpty {
            throw APIError(status: .unprocessableContent, code: "invalid", message: language.say(.emptyBatch))
        }
        return batch
    }

    mutating func decodeJSON<T: Decodable>(_ type: T.Type, context: PeakZeroContext) async throws -> T {
        try requireJSON()
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        return try context.requestDecoder.decode(T.self, from: Data(buffer: buffer))
    }

    /// A JSON body must say so: `Content-Type: application/json` (or a `+json` type). Anything else
    /// is 415 — a form or plain text read as JSON is how another site's page posts to an API.
    func requireJSON() throws {
        let type = headers[.contentType] ?? ""
        let media = type.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard media == "application/json" || (media.hasPrefix("application/") && media.hasSuffix("+json")) else {
            throw APIError(
                status: .unsupportedMediaType, code: "unsupported_media_type",
                message: language.say(.notJSON, ["type": type.isEmpty ? "none" : String(type.prefix(80))]))
        }
    }

    /// An optional query parameter that must parse when present.
    func query<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws -> T? {
        guard let text = uri.queryParameters.get(name) else { return nil }
        guard let value = T(text) else {
            throw APIError.badRequest(
                language.say(.badQueryParameter, ["name": "\(name)", "text": "\(text)"]),
                issues: [.init(row: nil, field: name, message: text)])
        }
        return value
    }

    /// The `limit` of a list: `default` when not given; outside 1…`largest` it is refused (400), not
    /// quietly changed, so a client learns its page is not the size it asked for.
    func limit(default fallback: Int, largest: Int) throws -> Int {
        let limit = try query("limit", as: Int.self) ?? fallback
        guard (1...largest).contains(limit) else {
            throw APIError.badRequest(
                language.say(.badQueryParameter, ["name": "limit", "text": "\(limit)"]),
                issues: [.init(row: nil, field: "limit", message: "1–\(largest)")])
        }
        return limit
    }

    func requireQuery<T: LosslessStringConvertible>(_ name: String, as type: T.Type) throws -> T {
        guard let value = try query(name, as: type) else {
            throw APIError.badRequest(
                language.say(.missingQueryParameter, ["name": "\(name)"]),
                issues: [.init(row: nil, field: name, message: "required")])
        }
        return value
    }
}

extension PeakZeroContext {
    /// A path parameter that must be an integer id; a bad one is a 404 (no such object).
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text) else {
            throw APIError.notFound("no object with id \(parameters.get(name) ?? "")")
        }
        return id
    }
}

/// Encodes a value as the API's JSON with a status.
func jsonResponse(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
    Response.json(try JSONCoding.encoder.encode(value), status: status)
}

extension Response {
    /// A response carrying JSON already encoded.
    static func json(_ data: Data, status: HTTPResponse.Status = .ok) -> Response {
        json(ByteBuffer(data: data), status: status)
    }

    /// A JSON body already in a buffer (a cached answer), sent without a copy.
    static func json(_ body: ByteBuffer, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: body))
    }
}

/// A list response: `{"items": [...]}`, so a list can gain fields later without breaking clients.
struct Items<T: Encodable>: Encodable {
    let items: [T]
}
