import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Testing

@testable import Persistence

/// Backups: a snapshot taken while writes go on holds whole transactions only; a restored
/// database answers with the same numbers; a damaged or foreign file is refused before anything
/// is replaced.
@Suite("Backup and restore")
struct BackupTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "F1", name: "Plant 1", level: "facility", parentCode: "G", regionCode: "510104"),
        NewUnit(code: "F2", name: "Plant 2", level: "facility", parentCode: "G", regionCode: "510703"),
    ]

    /// Ten records of one month (five items at each plant), written in one transaction.
    static func batch(_ n: Int) -> [NewActivityRecord] {
        let items = [("柴油", "t"), ("电力", "MWh"), ("汽油", "t"), ("天然气", "万Nm3"), ("烟煤", "t")]
        return (1...10).map { i in
            let (item, uom) = items[(i - 1) / 2]
            return NewActivityRecord(
                unitCode: i % 2 == 0 ? "F1" : "F2", period: String(format: "%04d-%02d", 2000 + n / 12, n % 12 + 1),
                item: item, quantity: Double(i * 10 + n), uom: uom)
        }
    }

    static func folder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("pz-backup-\(UUID().uuidString)")
    }

    @Test("a backup taken during writes holds whole transactions, and restores to the same numbers")
    func sqliteRoundTrip() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let original = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("live/peakzero.sqlite").path)
        let restored = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("restored/peakzero.sqlite").path)
        let during = folder.appendingPathComponent("during.sqlite").path
        let quiet = folder.appendingPathComponent("quiet.sqlite").path
        try await TestDatabases.with(original) { db in
            try await UnitStore(db).create(Self.units)
            // A writer adds batches of ten while the backup runs.
            let writer = Task {
                for n in 0..<60 { try await ActivityStore(db).insert(Self.batch(n)) }
            }
            try await Task.sleep(for: .milliseconds(20))
            let snapshot = try #require(try await Backup.make(of: db, to: during))
            try await writer.value
            #expect(snapshot.activityRecords % 10 == 0, "a half-written batch in the backup")
            #expect(snapshot.activityRecords <= 600 && snapshot.units == 3)

            let group = try await UnitStore(db).unit(code: "G")
            for year in 2000...2004 {
                _ = try await InventoryStore(db).compute(unitID: group.id, year: year, options: CalculationOptions())
            }
            let before = try await RollupStore(db).rollup(.unit(id: group.id, approach: .control), year: 2003)
            _ = try await Backup.make(of: db, to: quiet)
            // Taken again to a file that exists: refused, the first backup untouched.
            await #expect(throws: Backup.Failure.exists(quiet)) { try await Backup.make(of: db, to: quiet) }
            try await TestDatabases.with(restored) { _ in }
            #expect(throws: Backup.Failure.databaseExists(restored.path)) {
                try Backup.restore(quiet, into: restored, force: false)
            }
            let contents = try #require(try Backup.restore(quiet, into: restored, force: true))
            #expect(contents.activityRecords == 600 && contents.units == 3)
            try await TestDatabases.with(restored) { copy in
                let after = try await RollupStore(copy).rollup(.unit(id: group.id, approach: .control), year: 2003)
                #expect(after.totals == before.totals)
                #expect(after.totals.emissions(.location).value(in: .tonneCO2e) > 0)
                #expect(try await ActivityStore(copy).list(under: group.id).count == 600)
            }
        }
    }

    @Test("a backup that fails part way (a full disk, a failed check) leaves no file behind")
    func failedBackupLeavesNothing() async throws {
        let folder = Self.folder()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("backup.sqlite").path
        struct DiskFull: Error {}
        await #expect(throws: DiskFull.self) {
            try await Backup.writeWhole(to: file) { partial in
                // Half a backup written, then the disk is full.
                try Data(count: 4096).write(to: URL(fileURLWithPath: partial))
                throw DiskFull()
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        // A whole one is moved into place under its name, and nothing else is left.
        try await Backup.writeWhole(to: file) { partial in try Data([1, 2, 3]).write(to: URL(fileURLWithPath: partial)) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["backup.sqlite"])
    }

    @Test("a damaged or foreign file is refused and the database stays as it was")
    func damaged() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = DatabaseLocation.sqliteFile(path: folder.appendingPathComponent("db/peakzero.sqlite").path)
        let good = folder.appendingPathComponent("good.sqlite").path
        try await TestDatabases.with(target) { db in
            try await UnitStore(db).create(Self.units)
            _ = try await Backup.make(of: db, to: good)
        }
        let garbage = folder.appendingPathComponent("notes.sqlite").path
        try Data("not a database at all, just some text that is long enough".utf8).write(
            to: URL(fileURLWithPath: garbage))
        let truncated = folder.appendingPathComponent("truncated.sqlite").path
        let bytes = try Data(contentsOf: URL(fileURLWithPath: good))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: truncated))
        for file in [garbage, truncated] {
            #expect {
                try Backup.restore(file, into: target, force: true)
            } throws: { error in
                guard case .damaged(let path, _) = error as? Backup.Failure else { return false }
                return path == file
            }
        }
        #expect(throws: Backup.Failure.missing("/nowhere.sqlite")) {
            try Backup.restore("/nowhere.sqlite", into: target, force: true)
        }
        try await TestDatabases.with(target) { db async throws in
            #expect(try await UnitStore(db).list(scope: .everything).count == 3, "the database was left alone")
        }
    }

    @Test(
        "PostgreSQL: pg_dump while writing, pg_restore into an empty database, the same records",
        .enabled(if: ProcessInfo.processInfo.environment["PEAKZERO_TEST_POSTGRES_URL"] != nil))
    func postgres() async throws {
        let folder = Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("peakzero.dump").path
        let counted = try await TestDatabases.withDatabase("postgres") { db in
            try await UnitStore(db).create(Self.units)
            for n in 0..<5 { try await ActivityStore(db).insert(Self.batch(n)) }
            let contents = try await Backup.make(of: db, to: file)
            #expect(contents == nil)
            return try await ActivityStore(db).list(under: try await UnitStore(db).unit(code: "G").id).count
        }
        try await TestDatabases.withDatabase("postgres", migrate: false) { empty in
            guard case .postgres = empty.location else { return }
            let contents = try Backup.restore(file, into: empty.location, force: true)
            #expect(contents == nil)
            let group = try await UnitStore(empty).unit(code: "G")
            #expect(try await ActivityStore(empty).list(under: group.id).count == counted)
            #expect(try await Migrator().appliedVersions(in: empty) == Migrations.all.map(\.version))
        }
    }
}

extension DatabaseLocation {
    var path: String {
        if case .sqliteFile(let path) = self { return path }
        return ""
    }
}
