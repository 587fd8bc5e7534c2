import Hummingbird
import Logging
import Persistence

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The reverse proxies whose `X-Forwarded-For` names the client (their addresses as the server
    /// sees them, e.g. `127.0.0.1` for nginx on the same machine).
    public var trustedProxies: Set<String>

    public init(host: String = "127.0.0.1", port: Int = 8080, trustedProxies: Set<String> = []) {
        self.host = host
        self.port = port
        self.trustedProxies = trustedProxies
    }
}

/// PeakZero's HTTP application on a database.
public enum PeakZeroApplication {
    public static func make(
        database: PeakZeroDatabase, configuration: ServerConfiguration, logger: Logger
    ) throws -> some ApplicationProtocol {
        Application(
            router: try APIRouter.make(database: database, trustedProxies: configuration.trustedProxies),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "PeakZero"),
            logger: logger)
    }
}
