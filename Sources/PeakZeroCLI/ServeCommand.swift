import ArgumentParser
import Foundation
import Logging
import PeakZeroServer
import Persistence

/// `peakzero serve`: the API server.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: "Run the PeakZero server (JSON API under /api/v1).")

    @OptionGroup var storage: StorageOptions

    @Option(help: "Address to listen on.")
    var host: String = "127.0.0.1"

    @Option(help: "Port to listen on.")
    var port: Int = 8080

    @Flag(help: "Load the fictional demo province into the database if it is empty.")
    var demo = false

    @Option(
        name: .customLong("trusted-proxy"),
        help: ArgumentHelp(
            "A reverse proxy's address whose X-Forwarded-For names the client (repeatable; also PEAKZERO_TRUSTED_PROXIES, comma-separated).",
            valueName: "address"))
    var trustedProxies: [String] = []

    @Option(
        name: .customLong("log-format"),
        help: ArgumentHelp(
            "How log lines are written: text, or json (one JSON object a line, with the request id); also PEAKZERO_LOG_FORMAT.",
            valueName: "format"))
    var logFormat: ServerLogHandler.Format?

    @Option(
        name: .customLong("idle-timeout"),
        help: ArgumentHelp(
            "Seconds a connection may send nothing (between requests, or part way through a head) before it is closed; also PEAKZERO_IDLE_TIMEOUT. Default 30.",
            valueName: "seconds"))
    var idleTimeout: Int?

    @Option(
        name: .customLong("body-time-limit"),
        help: ArgumentHelp(
            "Seconds a request may take to arrive whole once its head has, before its connection is closed; also PEAKZERO_BODY_TIME_LIMIT. Default 120.",
            valueName: "seconds"))
    var bodyTimeLimit: Int?

    @Option(
        name: .customLong("max-body-mib"),
        help: ArgumentHelp(
            "The largest request body (a batch, an upload), in MiB; also PEAKZERO_MAX_BODY_MIB. Default 64 (about 500,000 activity records).",
            valueName: "MiB"))
    var maxBodyMiB: Int?

    @Option(
        name: .customLong("max-workbook-mib"),
        help: ArgumentHelp(
            "The largest workbook, unpacked, in MiB; also PEAKZERO_MAX_WORKBOOK_MIB. Default 512 (a million-row workbook is about 200).",
            valueName: "MiB"))
    var maxWorkbookMiB: Int?

    @Option(
        name: .customLong("max-workbook-columns"),
        help: ArgumentHelp(
            "The columns a workbook's row may reach; also PEAKZERO_MAX_WORKBOOK_COLUMNS. Default 1024 (to column AMJ; templates use fewer than 30).",
            valueName: "count"))
    var maxWorkbookColumns: Int?

    @Option(
        name: .customLong("max-cell-characters"),
        help: ArgumentHelp(
            "The characters one cell of a workbook may hold; also PEAKZERO_MAX_CELL_CHARACTERS. Default 32767 (Excel's own limit).",
            valueName: "count"))
    var maxCellCharacters: Int?

    @Option(
        name: .customLong("max-imports"),
        help: ArgumentHelp(
            "Imports that may run at once; one more is refused with 429 and Retry-After. Also PEAKZERO_MAX_IMPORTS. Default 2.",
            valueName: "count"))
    var maxImports: Int?

    @Option(
        name: .customLong("event-loops"),
        help: ArgumentHelp(
            "Threads that read and answer connections; also PEAKZERO_EVENT_LOOPS. Default one per core.",
            valueName: "count"))
    var eventLoops: Int?

    /// The server's settings from the options, else the environment, else the defaults.
    func serverConfiguration() throws -> ServerConfiguration {
        let defaults = ServerConfiguration()
        return ServerConfiguration(
            host: host, port: port, trustedProxies: allTrustedProxies,
            idleTimeout: try Self.seconds(
                idleTimeout, option: "--idle-timeout", environment: "PEAKZERO_IDLE_TIMEOUT", or: defaults.idleTimeout),
            bodyTimeLimit: try Self.seconds(
                bodyTimeLimit, option: "--body-time-limit", environment: "PEAKZERO_BODY_TIME_LIMIT",
                or: defaults.bodyTimeLimit),
            limits: try serverLimits(),
            eventLoops: try Self.wholeIfGiven(
                eventLoops, option: "--event-loops", environment: "PEAKZERO_EVENT_LOOPS", in: 1...256))
    }

    /// The limits on one request, from the options, else the environment, else the defaults.
    func serverLimits() throws -> ServerLimits {
        let defaults = ServerLimits()
        return ServerLimits(
            bodyBytes: try Self.whole(
                maxBodyMiB, option: "--max-body-mib", environment: "PEAKZERO_MAX_BODY_MIB", in: 1...4_096,
                or: defaults.bodyBytes >> 20) << 20,
            workbookBytes: try Self.whole(
                maxWorkbookMiB, option: "--max-workbook-mib", environment: "PEAKZERO_MAX_WORKBOOK_MIB", in: 1...16_384,
                or: defaults.workbookBytes >> 20) << 20,
            concurrentImports: try Self.whole(
                maxImports, option: "--max-imports", environment: "PEAKZERO_MAX_IMPORTS", in: 1...64,
                or: defaults.concurrentImports),
            workbookColumns: try Self.whole(
                maxWorkbookColumns, option: "--max-workbook-columns", environment: "PEAKZERO_MAX_WORKBOOK_COLUMNS",
                in: 1...16_384, or: defaults.workbookColumns),
            cellCharacters: try Self.whole(
                maxCellCharacters, option: "--max-cell-characters", environment: "PEAKZERO_MAX_CELL_CHARACTERS",
                in: 1...32_767, or: defaults.cellCharacters))
    }

    /// Whole seconds from 1 to a day, from the option or else the environment; anything else is
    /// refused by name rather than ignored.
    static func seconds(_ option: Int?, option optionName: String, environment name: String, or fallback: Duration)
        throws -> Duration
    {
        try wholeIfGiven(option, option: optionName, environment: name, in: 1...86_400).map { .seconds($0) } ?? fallback
    }

    /// A whole number in `range` from the option or else the environment; nil when neither gives one.
    static func wholeIfGiven(
        _ option: Int?, option optionName: String, environment name: String, in range: ClosedRange<Int>
    ) throws -> Int? {
        guard option != nil || !(ProcessInfo.processInfo.environment[name] ?? "").isEmpty else { return nil }
        return try whole(option, option: optionName, environment: name, in: range, or: 0)
    }

    /// A whole number in `range`, from the option or else the environment, else `fallback`; anything
    /// else is refused by name rather than ignored.
    static func whole(
        _ option: Int?, option optionName: String, environment name: String, in range: ClosedRange<Int>, or fallback: Int
    ) throws -> Int {
        let given: String
        if let option {
            given = String(option)
        } else if let word = ProcessInfo.processInfo.environment[name], !word.isEmpty {
            given = word
        } else {
            return fallback
        }
        guard let number = Int(given.trimmingCharacters(in: .whitespaces)), range.contains(number) else {
            throw ValidationError(
                "\(option == nil ? name : optionName) is \"\(given)\"; give a whole number from \(range.lowerBound) to \(range.upperBound)")
        }
        return number
    }

    /// The option's format, else the environment's, else text; an unknown word in the environment is
    /// refused by name rather than ignored.
    func chosenLogFormat() throws -> ServerLogHandler.Format {
        if let logFormat { return logFormat }
        guard let word = ProcessInfo.processInfo.environment["PEAKZERO_LOG_FORMAT"], !word.isEmpty else { return .text }
        guard let format = ServerLogHandler.Format(rawValue: word.lowercased()) else {
            throw ValidationError("PEAKZERO_LOG_FORMAT is \"\(word)\"; use text or json")
        }
        return format
    }

    /// The trusted proxies of the option and of the environment.
    var allTrustedProxies: Set<String> {
        let fromEnvironment = (ProcessInfo.processInfo.environment["PEAKZERO_TRUSTED_PROXIES"] ?? "")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return Set(trustedProxies + fromEnvironment)
    }

    func run() async throws {
        // Settings are checked before the database is opened: a mistyped one stops here, said by name.
        _ = try serverConfiguration()
        // Metadata formatted only when a line is written: the server sets a request id on every request.
        let format = try chosenLogFormat()
        var logger = Logger(label: "peakzero") { ServerLogHandler(label: $0, format: format) }
        logger.logLevel = .info
        let location = try storage.location
        try await PeakZeroDatabase.with(location, logger: logger, migrate: false) { database in
            let applied = try await Migrator().migrate(database)
            if !applied.isEmpty { say("Migrated \(location): \(applied.joined(separator: ", "))") }
            // What the setup writes (the demo, its accounts, the first administrator) is the
            // command line's, by the operating-system user; requests then act as their accounts.
            try await AuditActor.$current.withValue(.commandLine(user: NSUserName())) {
                try await ServeSetup.prepare(database, demo: demo)
            }
            say(
                "PeakZero serves http://\(host):\(port)/ (\(location)); the API under /api/v1, described at /api/v1/openapi.json. Ctrl-C stops it."
            )
            let app = try PeakZeroApplication.make(
                database: database, configuration: try serverConfiguration(), logger: logger)
            try await app.runService()
        }
    }
}

/// `peakzero migrate`: bring the schema up to date.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate", abstract: "Create or update the database schema.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        let location = try storage.location
        try await PeakZeroDatabase.with(location, logger: CLILogger.make(), migrate: false) { database in
            let applied = try await Migrator().migrate(database)
            say(
                applied.isEmpty
                    ? "\(location): schema up to date" : "\(location): applied \(applied.joined(separator: ", "))")
        }
    }
}

/// `peakzero demo`: load the demo province.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the fictional demo province (Sichuan SASAC, 3 groups) into an empty database.")

    @OptionGroup var storage: StorageOptions

    func run() async throws {
        try await storage.withDatabase(logger: CLILogger.make()) { database in
            let loader = DemoLoader(database)
            guard try await loader.databaseIsEmpty() else {
                throw ValidationError("the database already holds units; use an empty --data-dir")
            }
            say(Self.describe(try await loader.load()))
        }
    }

    static func describe(_ summary: DemoLoader.Summary) -> String {
        "Demo loaded (fictional): \(summary.units) units, \(summary.activityRecords) activity records, "
            + "\(summary.economicRecords) economic records, inventories "
            + summary.inventories.map { "\($0.year) #\($0.id)" }.joined(separator: ", ")
    }
}

/// What `serve` does before it serves.
enum ServeSetup {
    /// Loads the demo when asked and the database is empty, makes the demo accounts, and makes the
    /// first administrator of an installation without accounts.
    static func prepare(_ database: PeakZeroDatabase, demo: Bool) async throws {
        if demo {
            let loader = DemoLoader(database)
            if try await loader.databaseIsEmpty() {
                say("Loading the demo province (fictional data)…")
                say(DemoCommand.describe(try await loader.load()))
            } else {
                say("The database already holds units; the demo was not loaded.")
            }
            if (try? await UnitStore(database).unit(code: DemoProvince.supervisorCode)) != nil {
                _ = try await DemoAccounts.create(in: database)
                say(
                    "Demo accounts, each with the password \"\(DemoAccounts.password)\" (demo data only): "
                        + DemoAccounts.all.map { "\($0.name) (\($0.role.rawValue))" }.joined(separator: ", "))
            }
        }
        let accounts = AccountStore(database)
        if try await accounts.count() == 0 {
            let password = AccountStore.generatedPassword()
            _ = try await accounts.create(name: "admin", password: password, grants: [.admin])
            say(
                "Created the administrator account \"admin\" with the password \(password)\n"
                    + "  It is shown this once: sign in and keep it safe (peakzero users create makes more accounts)."
            )
        }
    }
}

extension ServerLogHandler.Format: ExpressibleByArgument {}
