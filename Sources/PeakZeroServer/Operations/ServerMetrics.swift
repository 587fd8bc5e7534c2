import Foundation
import Persistence
import Prometheus

/// The server's figures for Prometheus (`GET /metrics`): requests by route, method and status and
/// their durations (a computed inventory is its route's duration), background imports and their
/// durations, and the answers given from memory on the connection. One per server, kept in its own
/// registry rather than the process's global metrics system, so that servers in one process (the
/// tests) do not mix their figures.
public final class ServerMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let rememberedAnswers: Counter

    /// From a millisecond to a minute: an answer from memory, a page, an import, a recalculation.
    static let buckets: [Duration] = [
        .milliseconds(1), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
        .seconds(10), .seconds(30), .seconds(60),
    ]

    public init() {
        rememberedAnswers = registry.makeCounter(
            name: "peakzero_remembered_answers_total",
            help: "Signed-in reads answered from memory on the connection, without reaching the router")
    }

    /// A request the router answered. `route` is its declared path (`/api/v1/units/{id}`), never the
    /// address itself, so that the number of series stays bounded.
    func requestAnswered(route: String, method: String, status: Int, after duration: Duration) {
        registry.makeCounter(
            name: "peakzero_http_requests_total", labels: [("route", route), ("method", method), ("status", "\(status)")],
            help: "Requests answered by the router, by declared route, method and status"
        ).increment()
        registry.makeDurationHistogram(
            name: "peakzero_http_request_duration_seconds", labels: [("route", route), ("method", method)],
            buckets: Self.buckets, help: "Time from the router receiving a request to its answer"
        ).record(duration)
    }

    /// A background import ended (`outcome`: done, failed).
    func importEnded(outcome: String, after duration: Duration) {
        registry.makeDurationHistogram(
            name: "peakzero_import_duration_seconds", labels: [("outcome", outcome)], buckets: Self.buckets,
            help: "Background imports of large files, from upload to their end"
        ).record(duration)
    }

    /// The database's connection pool as it is now: its size, the queries and transactions holding
    /// or awaiting a connection, the most at once so far, and all begun.
    func poolUsed(_ use: PoolUse) {
        let reading = use.reading
        registry.makeGauge(name: "peakzero_database_pool_size", help: "Connections the pool opens at most")
            .set(Double(use.size))
        registry.makeGauge(
            name: "peakzero_database_pool_in_flight",
            help: "Queries and transactions holding or awaiting a pooled connection now"
        ).set(Double(reading.inFlight))
        registry.makeGauge(
            name: "peakzero_database_pool_in_flight_max",
            help: "The most queries and transactions holding or awaiting a pooled connection at once so far"
        ).set(Double(reading.mostInFlight))
        registry.makeGauge(
            name: "peakzero_database_operations_total", help: "Queries and transactions begun on the pool so far"
        ).set(Double(reading.begun))
    }

    /// The text Prometheus reads.
    func exposition() -> String { registry.emitToString() }
}
