import Foundation
import HTTPTypes
import Hummingbird

/// A posted HTML form (`application/x-www-form-urlencoded`), after checking it comes from one of
/// PeakZero's own pages.
struct FormPost: Sendable {
    let fields: [String: String]

    subscript(_ name: String) -> String { fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "" }

    /// The text of a field, nil when empty.
    func optional(_ name: String) -> String? {
        let value = self[name]
        return value.isEmpty ? nil : value
    }

    /// Reads the form, refusing a post from another site: a browser names the page's origin in
    /// `Origin` (and says `Sec-Fetch-Site`); a page elsewhere must not be able to change data here.
    static func read(_ request: Request, limit: Int = 1 << 20) async throws -> FormPost {
        try checkOrigin(request)
        let body = try await request.body.collect(upTo: limit)
        return FormPost(fields: parse(String(buffer: body)))
    }

    /// Refuses a post sent by a page of another site.
    static func checkOrigin(_ request: Request) throws {
        if request.headers[.secFetchSite] == "cross-site" { throw HTTPError(.forbidden) }
        if let origin = request.headers[.origin], let host = request.head.authority,
            URL(string: origin)?.hostWithPort != host
        {
            throw HTTPError(.forbidden)
        }
    }

    static func parse(_ text: String) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ part: Substring) -> String {
                part.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
            }
            guard let name = parts.first.map(decode) else { continue }
            fields[name] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }
}

extension URL {
    /// `host:port` as a `Host` header writes it (the port only when the URL has one).
    fileprivate var hostWithPort: String? {
        guard let host else { return nil }
        return port.map { "\(host):\($0)" } ?? host
    }
}

extension HTTPField.Name {
    static let secFetchSite = HTTPField.Name("Sec-Fetch-Site")!
}

/// A posted `multipart/form-data` form with a file, after the same check of where it comes from.
struct FileUpload {
    let form: MultipartForm
    /// The part named `file`, not empty.
    let file: MultipartForm.Part

    /// Reads the form; nil when it is not multipart or holds no file (the user chose none).
    static func read(_ request: Request, _ context: PeakZeroContext) async throws -> FileUpload? {
        try FormPost.checkOrigin(request)
        var request = request
        let body = Data(buffer: try await request.collectBody(upTo: context.maxUploadSize))
        guard let type = request.headers[.contentType], let boundary = MultipartForm.boundary(of: type),
            let form = MultipartForm(body: body, boundary: boundary),
            let file = form.parts.first(where: { $0.name == "file" }), !file.data.isEmpty
        else { return nil }
        return FileUpload(form: form, file: file)
    }

    /// A text field's value, empty when absent.
    func field(_ name: String) -> String {
        form.parts.first { $0.name == name }.map { String(decoding: $0.data, as: UTF8.self) } ?? ""
    }
}
