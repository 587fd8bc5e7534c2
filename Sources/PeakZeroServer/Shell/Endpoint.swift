import HTTPTypes
import Hummingbird

/// What a route runs once the sign-in and the route's rules have let the request through.
typealias RouteHandler = @Sendable (Request, PeakZeroContext) async throws -> Response

/// A route's rules, which the router checks before its handler: what the route is about (whose
/// scope it must lie in) and what it changes (which roles may). Neither has a default: a route
/// cannot be declared without both.
struct RouteRule: Sendable {
    let method: HTTPRequest.Method
    /// The path, with `{name}` for a parameter.
    let path: String
    let subject: RouteSubject
    let change: RouteChange
}

/// What the OpenAPI document says of an API route.
struct APIDocumentation: Sendable {
    let summary: String
    /// Query parameters the route reads, with a description each ("required" for a required one).
    let query: [(name: String, description: String)]
    /// The response status when it succeeds.
    let success: HTTPResponse.Status
    /// Anyone may call it: signing in, and the document itself. Every other route needs a
    /// signed-in account (a bearer token or a session).
    let isPublic: Bool
    /// It answers with a file (xlsx or csv) rather than JSON.
    let returnsFile: Bool
    let tag: String
    /// What it reads from its body; nil for a route that reads none.
    let body: RequestBody?
    /// What it answers on success, when declared (JSON routes not yet declared say only "an object").
    let response: ResponseBody?
}

/// An API route as its feature declares it, in one place: its name, method, path, rules,
/// documentation and handler. `Handlers` is the feature's API type, built once by the router.
struct APIEndpoint<Handlers: Sendable>: Sendable {
    let declaration: APIRouteDeclaration
    let handler: @Sendable (Handlers) -> RouteHandler

    init(
        _ route: APIRoute, _ method: HTTPRequest.Method, _ path: String, subject: RouteSubject, change: RouteChange,
        summary: String, query: [(name: String, description: String)] = [], success: HTTPResponse.Status = .ok,
        isPublic: Bool = false, returnsFile: Bool = false, tag: String, body: RequestBody? = nil,
        response: ResponseBody? = nil, _ handler: @escaping @Sendable (Handlers) -> RouteHandler
    ) {
        declaration = APIRouteDeclaration(
            route: route, rule: RouteRule(method: method, path: path, subject: subject, change: change),
            documentation: APIDocumentation(
                summary: summary, query: query, success: success, isPublic: isPublic, returnsFile: returnsFile,
                tag: tag, body: body, response: response))
        self.handler = handler
    }
}

/// An API route's declaration as the OpenAPI document and the checks read it.
struct APIRouteDeclaration: Sendable {
    let route: APIRoute
    let rule: RouteRule
    let documentation: APIDocumentation
}

/// A page as its feature declares it: its name, method, path, rules and handler.
struct PageEndpoint: Sendable {
    let page: SitePage
    let rule: RouteRule
    let handler: @Sendable (PageHandlers) -> RouteHandler

    init(
        _ page: SitePage, _ method: HTTPRequest.Method, _ path: String, subject: RouteSubject, change: RouteChange,
        _ handler: @escaping @Sendable (PageHandlers) -> RouteHandler
    ) {
        self.page = page
        self.rule = RouteRule(method: method, path: path, subject: subject, change: change)
        self.handler = handler
    }
}
