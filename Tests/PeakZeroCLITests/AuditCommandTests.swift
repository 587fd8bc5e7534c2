import Foundation
import Logging
import Persistence
import Testing

/// `peakzero audit verify`, run as an operator runs it: exit 0 on an untouched log, exit 1 naming
/// the entry after a row of the log is changed directly in the database.
@Suite("peakzero audit verify")
struct AuditCommandTests {
    @Test("passes on a clean log; fails naming the entry altered in the database")
    func verify() async throws {
        let folder = try IntakeCommandTests.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = folder.appendingPathComponent("data").path
        #expect(try ExecutableTests.run(["demo", "--data-dir", data]).code == 0)
        let good = folder.appendingPathComponent("good.csv")
        try Data("单位代码,期间,品种,数量,计量单位\nDEMO-G2-E1,2024-01,柴油,4,t\n".utf8).write(to: good)
        #expect(try ExecutableTests.run(["import", good.path, "--data-dir", data, "--mode", "replace"]).code == 0)

        let clean = try ExecutableTests.run(["audit", "verify", "--data-dir", data, "--lang", "en"])
        #expect(clean.code == 0 && clean.out.contains("Audit trail intact"), "\(clean.out)\(clean.err)")
        // The import is on record as done from the command line, with the file's name.
        let location = DatabaseLocation.sqliteFile(path: data + "/peakzero.sqlite")
        let imported = try await PeakZeroDatabase.with(location, logger: Logger(label: "test"), migrate: false) { db in
            try await AuditLog.entries(AuditFilter(action: .activityImported), scope: .everything, limit: 10, in: db)
        }
        let entry = try #require(imported.first)
        #expect(entry.actor.hasPrefix("cli:") && entry.afterState?.contains("good.csv") == true)

        try await PeakZeroDatabase.with(location, logger: Logger(label: "test"), migrate: false) { db in
            try await db.sql.raw("UPDATE audit_log SET actor = 'someone else' WHERE id = \(bind: entry.id)").run()
        }
        let broken = try ExecutableTests.run(["audit", "verify", "--data-dir", data, "--lang", "zh"])
        #expect(broken.code == 1)
        #expect(broken.err.contains("第 \(entry.id) 条记录"), "\(broken.err)")
    }
}
