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
        let zh = try languageOption.resolved() == .zh
        let result = try await storage.withDatabase(logger: CLILogger.make()) { try await AuditLog.verify($0) }
        guard let (id, reason) = result.firstBroken else {
            say(
                zh
                    ? "审计日志完整：\(result.checked) 条记录，哈希链无断点。末条哈希 \(result.headHash)"
                    : "Audit trail intact: \(result.checked) entries, hash chain unbroken. Head hash \(result.headHash)"
            )
            return
        }
        let why: String
        switch reason {
        case .alteredEntry:
            why = zh ? "内容与其哈希不符（记录被改动）" : "its contents no longer match its hash (the entry was altered)"
        case .brokenLink:
            why =
                zh
                ? "未指向前一条记录的哈希（有记录被删除、插入或调换）"
                : "it does not carry the hash of the entry before it (an entry was removed, inserted or reordered)"
        }
        FileHandle.standardError.write(
            Data(
                (zh
                    ? "审计日志被篡改：第 \(id) 条记录\(why)。此前 \(result.checked) 条完好。\n"
                    : "Audit trail broken at entry \(id): \(why). The \(result.checked) entries before it are intact.\n")
                    .utf8))
        throw ExitCode(1)
    }
}
