import Hummingbird
import Persistence

/// `GET /metrics`: the server's figures in Prometheus's text format, for administrators (a scraper
/// signs in with an administrator's bearer token).
struct MetricsAPI {
    let metrics: ServerMetrics
    let database: PeakZeroDatabase

    func exposition(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        metrics.poolUsed(database.poolUse)
        var headers = HTTPFields()
        headers[.contentType] = "text/plain; version=0.0.4; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: metrics.exposition())))
    }
}

extension MetricsAPI {
    static let endpoints: [APIEndpoint<MetricsAPI>] = [
        APIEndpoint(
            .metrics, .get, "/metrics", subject: .shared, change: .operations,
            summary:
                "The server's figures in Prometheus's text format: requests by route, method and status, their durations, background imports, answers from memory, database pool use (administrators)",
            tag: "operations"
        ) { $0.exposition }
    ]
}
