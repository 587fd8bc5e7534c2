import ArgumentParser
import Foundation
import Persistence

/// `peakzero audit verify`: proves the audit trail untouched, or names the first entry that is not.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check the audit trail.", subcommands: [AuditVerifyCommand.self])
}

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check the audit trail's hash chain; exit 1 naming the first broken entry.",
        discussion: """
            Each entry carries the hash of the one before it. The check recomputes every hash in order: an \
            entry altered, removed or inserted in the database breaks the chain there. Keep the head hash it \
            prints: a later check that still passes through it also proves nothing was cut off the end.
            """)

    @OptionGroup var storage: StorageOptions
    @OptionGroup var languageOption: LanguageOption

    func run() async throws {
        let language = try languageOption.resolved()
        let result = try await storage.withDatabase(logger: CLILogger.make()) { try await AuditLog.verify($0) }
        guard let (id, reason) = result.firstBroken else {
            say(language.word(.auditIntact, ["count": "\(result.checked)", "head": result.headHash]))
            return
        }
        let why = language.word(reason == .alteredEntry ? .auditAltered : .auditBrokenLink)
        let broken = language.word(.auditBroken, ["id": "\(id)", "why": why, "count": "\(result.checked)"])
        FileHandle.standardError.write(Data((broken + "\n").utf8))
        throw ExitCode(1)
    }
}
