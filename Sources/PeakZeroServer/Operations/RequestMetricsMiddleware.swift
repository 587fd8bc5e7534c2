import HTTPTypes
import Hummingbird

/// Counts and times every request the router answers, by its declared route. It stands first in
/// the chain, so a refusal (401, 403, 404, 422 …) is counted with its status like an answer.
struct RequestMetricsMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext
    let metrics: ServerMetrics

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let clock = ContinuousClock()
        let started = clock.now
        do {
            let response = try await next(request, context)
            record(request, context, response.status, clock.now - started)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
            record(request, context, status, clock.now - started)
            throw error
        }
    }

    private func record(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, _ duration: Duration) {
        // A path no route matched is counted under one name, whatever was asked (Hummingbird calls
        // it "NotFound"; no declared path can be that, they all begin with a slash).
        let declared = context.endpointPath
        let route = declared == nil || declared == "NotFound" ? "unmatched" : declared!
        metrics.requestAnswered(route: route, method: request.method.rawValue, status: status.code, after: duration)
    }
}
