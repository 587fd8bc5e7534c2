import Hummingbird
import NIOCore
import NIOPosix
import Logging
import Persistence

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The reverse proxies whose `X-Forwarded-For` names the client (their addresses as the server
    /// sees them, e.g. `127.0.0.1` for nginx on the same machine).
    public var trustedProxies: Set<String>
    /// How long a connection may send nothing — between requests, or part way through a request's
    /// head — before it is closed, so that connections left half-open cannot pile up.
    public var idleTimeout: Duration
    /// How long a request may take to arrive whole once its head has: a body sent a byte at a time,
    /// or never finished, closes the connection then. A 64 MiB upload at 10 Mbit/s takes about 54 s.
    public var bodyTimeLimit: Duration
    /// What one request may bring: its body, a workbook's unpacked size, imports at once.
    public var limits: ServerLimits
    /// The threads that accept, read and answer connections; nil for one per core (NIO's shared
    /// group). Fewer leave cores to what runs beside the server on the same machine.
    public var eventLoops: Int?

    public init(
        host: String = "127.0.0.1", port: Int = 8080, trustedProxies: Set<String> = [],
        idleTimeout: Duration = .seconds(30), bodyTimeLimit: Duration = .seconds(120), limits: ServerLimits = ServerLimits(),
        eventLoops: Int? = nil
    ) {
        self.limits = limits
        self.eventLoops = eventLoops
        self.host = host
        self.port = port
        self.trustedProxies = trustedProxies
        self.idleTimeout = idleTimeout
        self.bodyTimeLimit = bodyTimeLimit
    }
}

/// PeakZero's HTTP application on a database.
public enum PeakZeroApplication {
    public static func make(
        database: PeakZeroDatabase, configuration: ServerConfiguration, logger: Logger
    ) throws -> some ApplicationProtocol {
        let accounts = AccountStore(database)
        let metrics = ServerMetrics()
        return try make(
            database: database, configuration: configuration, logger: logger, accounts: accounts,
            answers: RememberedAnswers(database: database, accounts: accounts, metrics: metrics), metrics: metrics)
    }

    /// - Parameter answers: where signed-in reads are remembered (nil: never).
    static func make(
        database: PeakZeroDatabase, configuration: ServerConfiguration, logger: Logger, accounts: AccountStore,
        answers: RememberedAnswers?, metrics: ServerMetrics = ServerMetrics()
    ) throws -> some ApplicationProtocol {
        // Uploads a crash or a restart left behind.
        let swept = PrivateUploads.sweep()
        if swept > 0 { logger.info("removed \(swept) uploads left by an earlier run") }
        return Application(
            router: try APIRouter.make(
                database: database, accounts: accounts, trustedProxies: configuration.trustedProxies,
                limits: configuration.limits, metrics: metrics),
            server: .peakZero(
                idleTimeout: configuration.idleTimeout, bodyTimeLimit: configuration.bodyTimeLimit, answers: answers),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "PeakZero"),
            eventLoopGroupProvider: configuration.eventLoops.map {
                .shared(MultiThreadedEventLoopGroup(numberOfThreads: $0))
            } ?? .singleton,
            logger: logger)
    }
}
