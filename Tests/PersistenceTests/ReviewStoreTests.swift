import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// Submit → review → approve or return: every transition, every refused one, the lock an approval
/// puts on a period's data (for records entered, edited, deleted and imported), corrections as
/// new versions with the old data kept, the status board and inventories that say whether they
/// rest on approved data.
@Suite("Review workflow")
struct ReviewStoreTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "A", name: "Monthly A", level: "enterprise", parentCode: "G", regionCode: "510104"),
        NewUnit(
            code: "Q", name: "Quarterly Q", level: "enterprise", parentCode: "G", regionCode: "510104",
            reportingClass: "quarterly"),
    ]
    static let rita = AuditActor(accountID: 1, name: "rita")
    static let rex = AuditActor(accountID: 2, name: "rex")
    static let march = ReportingPeriod(parsing: "2024-03")!

    static func diesel(_ unit: String, _ period: String, _ quantity: Double) -> NewActivityRecord {
        NewActivityRecord(unitCode: unit, period: period, item: "柴油", quantity: quantity, uom: "t")
    }

    /// A record of another item, for a month that has its diesel already.
    static func gasoline(_ unit: String, _ period: String, _ quantity: Double) -> NewActivityRecord {
        NewActivityRecord(unitCode: unit, period: period, item: "汽油", quantity: quantity, uom: "t")
    }

    /// Runs `body` as `actor`.
    @discardableResult
    static func by<T: Sendable>(_ actor: AuditActor, _ body: () async throws -> T) async throws -> T {
        try await AuditActor.$current.withValue(actor) { try await body() }
    }

    static func locked(_ body: () async throws -> Void) async -> Bool {
        do { try await body() } catch StoreError.invalid(let issues) {
            return issues.contains { if case .periodLocked = $0.problem { true } else { false } }
        } catch { return false }
        return false
    }

    @Test(
        "a month goes from draft through review to a locked approval; a correction is a new version",
        arguments: TestDatabases.locations)
    func approveAndCorrect(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let a = try await UnitStore(db).unit(code: "A")
            let store = ActivityStore(db)
            let review = ReviewStore(db)
            let id = try await store.insert([Self.diesel("A", "2024-03", 10), Self.diesel("A", "2024-04", 5)])[0]
            #expect(try await review.state(unitID: a.id, period: Self.march).status == .draft)
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: Self.march) }
            // Submitted: locked for everyone, the reporter included.
            #expect(await Self.locked { try await store.insert([Self.gasoline("A", "2024-03", 1)]) })
            #expect(await Self.locked { try await store.delete(id: id) })
            #expect(
                await Self.locked {
                    _ = try await store.replace(
                        id: id, with: Self.diesel("A", "2024-03", 11), provenance: RecordBatch(kind: "form"))
                })
            #expect(
                await Self.locked {
                    _ = try await EconomicStore(db).insert([
                        NewEconomicRecord(unitCode: "A", period: "2024-03", outputValue: 1)
                    ])
                })
            // April is another period: still open.
            try await store.insert([Self.gasoline("A", "2024-04", 1)])
            // The submitter may not approve their own submission; another reviewer may.
            await #expect(throws: ReviewRefusal.ownSubmission) {
                try await Self.by(Self.rita) { try await review.take(.approve, unitID: a.id, period: Self.march) }
            }
            let approved = try await Self.by(Self.rex) {
                try await review.take(.approve, unitID: a.id, period: Self.march)
            }
            #expect(approved.status == .approved && approved.version == 1)
            #expect(await Self.locked { try await store.delete(id: id) })
            // A file's rows for an approved month are refused as a whole.
            let batch = try await store.validate([Self.diesel("A", "2024-03", 2), Self.diesel("A", "2024-05", 2)])
            #expect(await Self.locked { _ = try await store.write(batch, provenance: RecordBatch(kind: "import")) })
            #expect(try await store.list(under: a.id, year: 2024).filter { $0.period == "2024-05" }.isEmpty)

            // A correction needs a reason, reopens the month, and its submission is version 2.
            await #expect(throws: ReviewRefusal.reasonRequired) {
                try await Self.by(Self.rita) { try await review.take(.correct, unitID: a.id, period: Self.march) }
            }
            try await Self.by(Self.rita) {
                try await review.take(.correct, unitID: a.id, period: Self.march, reason: "meter misread")
            }
            let corrected = try await store.replace(
                id: id, with: Self.diesel("A", "2024-03", 12), provenance: RecordBatch(kind: "form"))
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: Self.march) }
            let second = try await Self.by(Self.rex) {
                try await review.take(.approve, unitID: a.id, period: Self.march)
            }
            #expect(second.version == 2)
            // The old values stay visible: version 1's submission holds 10 t, version 2's 12 t.
            let history = try await review.history(unitID: a.id, period: Self.march)
            #expect(history.map(\.step) == ["submit", "approve", "correct", "submit", "approve"])
            #expect(history.map(\.version) == [1, 1, 1, 2, 2])
            #expect(history[0].data?.contains("\"quantity\":10") == true && history[0].actor == "rita")
            #expect(history[3].data?.contains("\"quantity\":12") == true)
            #expect(history[3].data?.contains("\"id\":\(corrected)") == true)
            #expect(history[2].reason == "meter misread" && history[4].actor == "rex")
            // Each step is in the audit trail, under the unit and the month.
            let steps = try await AuditLog.entries(
                AuditFilter(unitID: a.id, year: 2024, month: 3), scope: .everything, limit: 100, in: db
            ).map(\.action)
            #expect(steps.filter { $0.hasPrefix("period.") }.count == 5)
            #expect(try await AuditLog.verify(db).isIntact)
        }
    }

    @Test(
        "a return needs a reason and reopens the period; steps out of turn are refused",
        arguments: TestDatabases.locations)
    func returnAndRefusals(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let a = try await UnitStore(db).unit(code: "A")
            let q = try await UnitStore(db).unit(code: "Q")
            let review = ReviewStore(db)
            for step in [ReviewStep.approve, .return, .correct] {
                await #expect(throws: ReviewRefusal.wrongState(.draft, step: step)) {
                    try await Self.by(Self.rex) {
                        try await review.take(step, unitID: a.id, period: Self.march, reason: "x")
                    }
                }
            }
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: Self.march) }
            await #expect(throws: ReviewRefusal.wrongState(.submitted, step: .submit)) {
                try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: Self.march) }
            }
            await #expect(throws: ReviewRefusal.wrongState(.submitted, step: .correct)) {
                try await Self.by(Self.rita) {
                    try await review.take(.correct, unitID: a.id, period: Self.march, reason: "x")
                }
            }
            await #expect(throws: ReviewRefusal.reasonRequired) {
                try await Self.by(Self.rex) {
                    try await review.take(.return, unitID: a.id, period: Self.march, reason: " ")
                }
            }
            let returned = try await Self.by(Self.rex) {
                try await review.take(.return, unitID: a.id, period: Self.march, reason: "diesel missing")
            }
            #expect(returned.status == .returned && returned.version == 1)
            try await ActivityStore(db).insert([Self.diesel("A", "2024-03", 3)])
            let again = try await Self.by(Self.rita) {
                try await review.take(.submit, unitID: a.id, period: Self.march)
            }
            #expect(again.status == .submitted && again.version == 1)
            // A quarterly reporter's periods are quarters.
            await #expect(throws: ReviewRefusal.notAPeriodOf("2024-03", reportingClass: .quarterly)) {
                try await review.take(.submit, unitID: q.id, period: Self.march)
            }
            let q1 = try #require(ReportingPeriod(parsing: "2024-Q1"))
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: q.id, period: q1) }
            #expect(await Self.locked { try await ActivityStore(db).insert([Self.diesel("Q", "2024-02", 1)]) })
        }
    }

    @Test(
        "the board shows each unit's periods with their state, records and lateness; inventories say whether they rest on approved data",
        arguments: TestDatabases.locations)
    func boardAndApprovedOnly(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            let g = try await UnitStore(db).unit(code: "G")
            let a = try await UnitStore(db).unit(code: "A")
            try await ActivityStore(db).insert([Self.diesel("A", "2024-01", 1), Self.diesel("A", "2024-02", 2)])
            let review = ReviewStore(db)
            let january = try #require(ReportingPeriod(parsing: "2024-01"))
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: january) }
            try await Self.by(Self.rex) { try await review.take(.approve, unitID: a.id, period: january) }
            let board = try await review.board(under: g.id, year: 2024, scope: .everything, today: "2024-03-20")
            #expect(board.rows.map(\.code) == ["G", "A", "Q"])
            let rowA = try #require(board.rows.first { $0.code == "A" })
            #expect(rowA.periods.count == 12)
            #expect(rowA.periods[0].status == .approved && rowA.periods[0].records == 1 && !rowA.periods[0].late)
            // February was due on 15 March and is not in: late. March is not due yet.
            #expect(rowA.periods[1].status == .draft && rowA.periods[1].records == 1 && rowA.periods[1].late)
            #expect(rowA.periods[1].due == "2024-03-15" && !rowA.periods[2].late)
            let rowQ = try #require(board.rows.first { $0.code == "Q" })
            #expect(rowQ.periods.map(\.period) == ["2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4"])
            // Only A's February: G is above the units that enter data, and Q's first quarter is not due yet.
            #expect(board.counts[.approved] == 1 && board.lateCount == 1)
            #expect(!board.rows[0].periods[1].late)

            let partly = try await InventoryStore(db).compute(unitID: a.id, year: 2024, options: CalculationOptions())
            #expect(partly.unapprovedRecords == 1)
            // The count a unit's page shows, read for any subtree, agrees with the calculation's.
            #expect(try await review.unapprovedRecords(under: a.id, year: 2024) == 1)
            #expect(try await review.unapprovedRecords(under: g.id, year: 2024) == 1)
            #expect(try await review.unapprovedRecords(under: a.id, year: 2023) == 0)
            let february = try #require(ReportingPeriod(parsing: "2024-02"))
            try await Self.by(Self.rita) { try await review.take(.submit, unitID: a.id, period: february) }
            try await Self.by(Self.rex) { try await review.take(.approve, unitID: a.id, period: february) }
            // The approval changed what the earlier inventory rests on: it is stale now.
            #expect(try await InventoryStore(db).inventory(id: partly.id).stale)
            let approvedOnly = try await InventoryStore(db).compute(
                unitID: a.id, year: 2024, options: CalculationOptions())
            #expect(approvedOnly.unapprovedRecords == 0)
            #expect(try await review.unapprovedRecords(under: g.id, year: 2024) == 0)
        }
    }

    @Test("periods: months, quarters and the year, read and written alike")
    func periods() throws {
        #expect(ReportingPeriod(containing: 5, of: 2024, for: .quarterly).description == "2024-Q2")
        #expect(ReportingPeriod(containing: nil, of: 2024, for: .monthly).description == "2024-12")
        #expect(ReportingPeriod(containing: 7, of: 2024, for: .yearly).description == "2024")
        for text in ["2024-03", "2024-Q4", "2024"] { #expect(ReportingPeriod(parsing: text)?.description == text) }
        for bad in ["2024-13", "2024-Q5", "24-01", "2024-03-01", "2024-Q", ""] {
            #expect(ReportingPeriod(parsing: bad) == nil)
        }
        #expect(ReportingPeriod(year: 2024, firstMonth: 2, lastMonth: 4) == nil)
        #expect(ReportingPeriod(parsing: "2024-Q4")?.due == "2025-01-15")
    }
}
