import ArgumentParser
import Foundation
import Logging
import Persistence

/// Where stored data lives: `--data-dir` for the SQLite file, or `DATABASE_URL` for PostgreSQL.
struct StorageOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder of the SQLite database (ignored when DATABASE_URL is set).")
    var dataDirectory: String = "./peakzero-data"

    var location: DatabaseLocation {
        get throws {
            do {
                return try DatabaseLocation.resolve(
                    dataDirectory: dataDirectory, environment: ProcessInfo.processInfo.environment)
            } catch {
                throw ValidationError(String(describing: error))
            }
        }
    }

    /// Opens the database, brings its schema up to date, runs `body`, and closes it. What `body`
    /// changes is audited as done on the command line by the operating-system user running it.
    func withDatabase<T>(logger: Logger, _ body: (PeakZeroDatabase) async throws -> T) async throws -> T {
        try await AuditActor.$current.withValue(.commandLine(user: NSUserName())) {
            try await PeakZeroDatabase.with(try location, logger: logger, body)
        }
    }
}

enum CLILogger {
    static func make(level: Logger.Level = .warning) -> Logger {
        var logger = Logger(label: "peakzero")
        logger.logLevel = level
        return logger
    }
}
