import Hummingbird

/// Gives every request the operator's body limit (`ServerLimits.bodyBytes`): the context is made
/// before any setting can reach it, so the limit is set here, before a route reads a body.
struct BodyLimitMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext
    let bytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        context.maxUploadSize = bytes
        return try await next(request, context)
    }
}
