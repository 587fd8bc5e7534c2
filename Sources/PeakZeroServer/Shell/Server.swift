import Hummingbird
import Logging
import Persistence

/// Where and how the server listens.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}

/// PeakZero's HTTP application on a database.
public enum PeakZeroApplication {
    public static func make(
        database: PeakZeroDatabase, configuration: ServerConfiguration, logger: Logger
    ) throws -> some ApplicationProtocol {
        Application(
            router: try APIRouter.make(database: database),
            configuration: .init(
                address: .hostname(configuration.host, port: configuration.port), serverName: "PeakZero"),
            logger: logger)
    }
}
