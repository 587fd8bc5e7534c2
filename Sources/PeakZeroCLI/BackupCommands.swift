import ArgumentParser
import Foundation
import Persistence

/// `peakzero backup FILE`: a consistent copy of the database, safe to take while the server runs.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent snapshot of the database to a new file (the server may keep running).",
        discussion: "SQLite: a compact copy checked with SQLite's integrity check. PostgreSQL: pg_dump's custom format."
    )

    @OptionGroup var storage: StorageOptions

    @Argument(help: "The backup file to write; it must not exist.")
    var file: String

    func run() async throws {
        try await storage.withDatabase(logger: CLILogger.make()) { database in
            let started = Date()
            // Backup's failures say what and where, and are printed as they are (no usage text).
            let contents = try await Backup.make(of: database, to: file)
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
            var line = "Backed up \(try storage.location) to \(file) (\(size / 1024) KiB"
            if let contents { line += ", \(contents.units) units, \(contents.activityRecords) activity records" }
            say(line + String(format: ") in %.1f s; checked.", Date().timeIntervalSince(started)))
        }
    }
}

/// `peakzero restore FILE`: put a backup back, after checking it. Stop the server first.
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a backup made by peakzero backup, after checking it. Stop the server first.")

    @OptionGroup var storage: StorageOptions

    @Argument(help: "The backup file.")
    var file: String

    @Flag(help: "Replace the existing database.")
    var force = false

    func run() async throws {
        let location = try storage.location
        do {
            let contents = try Backup.restore(file, into: location, force: force)
            var line = "Restored \(file) into \(location)"
            if let contents {
                line +=
                    " (schema \(contents.schemaVersion), \(contents.units) units, \(contents.activityRecords) activity records)"
            }
            say(line + ".")
        } catch let failure as Backup.Failure {
            throw ValidationError(failure.description)
        }
    }
}
