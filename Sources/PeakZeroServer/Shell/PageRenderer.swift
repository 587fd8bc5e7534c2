import Foundation
import Hummingbird
import Mustache

/// Renders page models with the templates in `Resources/templates` (loaded once at start) and
/// serves the stylesheet, script and icon. Templates escape every value (`{{…}}`); none uses triple
/// braces, so nothing a user typed reaches the page unescaped.
struct PageRenderer: Sendable {
    let library: MustacheLibrary
    let strings: WebStrings
    let stylesheet: ByteBuffer
    let script: ByteBuffer
    let icon: ByteBuffer

    static let resources = Bundle.module.url(forResource: "Resources", withExtension: nil)!

    /// The renderer of the templates and files bundled with the server. They cannot change while
    /// it runs, so they are read and parsed once per process, however many routers are made.
    static func load() throws -> PageRenderer { try bundled.get() }

    private static let bundled = Result { try read() }

    private static func read() throws -> PageRenderer {
        var library = MustacheLibrary()
        let folder = resources.appendingPathComponent("templates")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where name.hasSuffix(".mustache") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            try library.register(text, named: String(name.dropLast(".mustache".count)))
        }
        func file(_ name: String) throws -> ByteBuffer {
            ByteBuffer(data: try Data(contentsOf: resources.appendingPathComponent("static/\(name)")))
        }
        return PageRenderer(
            library: library, strings: try WebStrings.load(from: resources.appendingPathComponent("strings")),
            stylesheet: try file("peakzero.css"), script: try file("peakzero.js"),
            icon: try file("favicon.svg"))
    }

    /// The page as HTML text.
    func html(_ model: Any, template: String) -> String {
        library.render(TemplateValues.prepared(model) ?? model, withTemplate: template) ?? ""
    }

    func response(_ model: Any, template: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        // Pages load nothing from elsewhere: say so to the browser too.
        headers[.contentSecurityPolicy] =
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'"
        headers[.xContentTypeOptions] = "nosniff"
        return Response(
            status: status, headers: headers,
            body: .init(byteBuffer: ByteBuffer(string: html(model, template: template))))
    }

    func asset(_ buffer: ByteBuffer, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "public, max-age=3600"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: buffer))
    }
}
