import Hummingbird
import Persistence

/// Sends the queries of a request that may change data — anything but GET and HEAD — down
/// SQLite's lane for changes (`QueryLane`), so a write's checks do not wait behind every read.
struct QueryLaneMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard request.method != .get, request.method != .head else { return try await next(request, context) }
        // At a higher priority too: the async threads are shared, and a write's many steps each
        // waited behind every read's.
        // The task is awaited before returning, so `next` outlives it; hence the unchecked hand-over.
        return try await withoutActuallyEscaping(next) { next in
            nonisolated(unsafe) let next = next
            return try await Task(priority: .high) {
                try await QueryLane.$changes.withValue(true) { try await next(request, context) }
            }.value
        }
    }
}
