import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import SQLKit
import Testing

/// The audit trail: every change a store makes is appended in its own transaction with who made
/// it, what it was before and after; the hash chain verifies on a clean log and names the first
/// entry altered or removed behind PeakZero's back; appends running side by side still form one chain.
@Suite("Audit trail")
struct AuditLogTests {
    static let units = [
        NewUnit(code: "G", name: "Group", level: "group", regionCode: "510000"),
        NewUnit(code: "A", name: "Enterprise A", level: "enterprise", parentCode: "G", regionCode: "510104"),
        NewUnit(code: "B", name: "Enterprise B", level: "enterprise", parentCode: "G", regionCode: "510703"),
    ]
    static let alice = AuditActor(accountID: 7, name: "alice", address: "192.0.2.7")

    static func actions(_ db: PeakZeroDatabase) async throws -> [String] {
        try await db.sql.select().column("action").from("audit_log").orderBy("id").all()
            .map { try $0.decode(column: "action", as: String.self) }
    }

    static func entries(_ db: PeakZeroDatabase) async throws -> [AuditEntry] {
        try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 1000, in: db).reversed()
    }

    @Test(
        "every change to data, factors and accounts is appended with who, before and after",
        arguments: TestDatabases.locations)
    func everyChangeIsAudited(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await AuditActor.$current.withValue(Self.alice) {
                try await UnitStore(db).create(Self.units)
                let a = try await UnitStore(db).unit(code: "A")
                let id = try await ActivityStore(db).insert([
                    NewActivityRecord(unitCode: "A", period: "2024-03", item: "柴油", quantity: 12.5, uom: "t")
                ])[0]
                let newID = try await ActivityStore(db).replace(
                    id: id,
                    with: NewActivityRecord(unitCode: "A", period: "2024-03", item: "柴油", quantity: 13, uom: "t"),
                    provenance: RecordBatch(kind: "form"))
                try await ActivityStore(db).delete(id: newID)
                let economic = try await EconomicStore(db).insert([
                    NewEconomicRecord(unitCode: "A", period: "2024-03", outputValue: 100)
                ])[0]
                let replaced = try await EconomicStore(db).replace(
                    id: economic, with: NewEconomicRecord(unitCode: "A", period: "2024-03", outputValue: 120))
                try await EconomicStore(db).delete(id: replaced)
                // A file's records: one entry for the batch, which names the file.
                let batch = try await ActivityStore(db).validate(
                    (1...12).map {
                        NewActivityRecord(
                            unitCode: $0 % 2 == 0 ? "A" : "B", period: String(format: "2024-%02d", $0), item: "电力",
                            quantity: 10, uom: "MWh")
                    })
                _ = try await ActivityStore(db).write(
                    batch, provenance: RecordBatch(kind: "import", fileName: "march.xlsx", contentHash: "abc"))
                let set = try await FactorSetStore(db).add(
                    name: "plant",
                    csv:
                        "id,kind,item,region,year,value,unit,grade,source,notes\nP-1,ncv,diesel,,2024,43.0,GJ/t,S,Supplier 7,\n"
                )
                try await FactorSetStore(db).delete(id: set.id)
                _ = try await InventoryStore(db).compute(unitID: a.id, year: 2024, options: CalculationOptions())
                var unit = Self.units[1]
                unit.name = "Enterprise A (renamed)"
                _ = try await UnitStore(db).update(id: a.id, with: unit)
                let accounts = AccountStore(db, cost: 4)
                let bob = try await accounts.create(
                    name: "bob", password: "a long password 1", grants: [RoleGrant(role: .reporter, unitID: a.id)])
                try await accounts.setPassword(name: "bob", to: "a long password 2")
                let session = try await accounts.openSession(for: bob, address: "198.51.100.1")
                try await accounts.endSession(cookieValue: session.cookieValue)
                let (token, _) = try await accounts.makeToken(for: bob, name: "script")
                try await accounts.revokeToken(id: token.id, of: bob)
                await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                    try await accounts.verify(name: "bob", password: "a wrong password", address: "203.0.113.9")
                }
                try await accounts.disable(name: "bob")
            }
            #expect(
                try await Self.actions(db) == [
                    "unit.create", "unit.create", "unit.create", "activity.add", "activity.replace", "activity.delete",
                    "economic.add", "economic.replace", "economic.delete", "activity.import", "factorset.add",
                    "factorset.delete", "inventory.compute", "unit.update", "account.create", "account.password",
                    "signin", "signout", "token.create", "token.revoke", "signin.fail", "account.disable",
                ])
            let entries = try await Self.entries(db)
            let a = try await UnitStore(db).unit(code: "A")
            // Who: the task's actor, except for a sign-in (the account signing in) and a failure (the name tried).
            #expect(entries[0].actor == "alice" && entries[0].actorId == 7 && entries[0].address == "192.0.2.7")
            #expect(entries[16].actor == "bob" && entries[16].address == "198.51.100.1")
            #expect(entries[20].actor == "bob" && entries[20].actorId == nil && entries[20].address == "203.0.113.9")
            // What, before and after: the replaced quantity, the unit and period it concerns.
            let replace = entries[4]
            #expect(replace.unitId == a.id && replace.year == 2024 && replace.month == 3)
            #expect(replace.beforeState?.contains("\"quantity\":12.5") == true)
            #expect(replace.afterState?.contains("\"quantity\":13") == true)
            #expect(entries[5].beforeState?.contains("\"quantity\":13") == true && entries[5].afterState == nil)
            #expect(entries[13].beforeState?.contains("\"Enterprise A\"") == true)
            #expect(entries[13].afterState?.contains("Enterprise A (renamed)") == true)
            // The file's batch: named once, with its row count, under the group (A and B both below it).
            let imported = entries[9]
            let group = try await UnitStore(db).unit(code: "G")
            #expect(imported.unitId == group.id && imported.year == 2024 && imported.month == nil)
            #expect(imported.afterState?.contains("\"file_name\":\"march.xlsx\"") == true)
            #expect(imported.afterState?.contains("\"rows\":12") == true)
            // No password, hash or secret ever reaches the log.
            let everything = entries.map { "\($0.beforeState ?? "") \($0.afterState ?? "")" }.joined()
            for secret in ["a long password", "a wrong password", "$2b$", "pzs_", "pzt_"] {
                #expect(!everything.contains(secret), "the log holds \(secret)")
            }
            #expect(try await AuditLog.verify(db).isIntact)
            #expect(try await AuditLog.verify(db).checked == entries.count)
        }
    }

    @Test(
        "verify passes on a clean log and names the entry altered or removed in the database",
        arguments: TestDatabases.locations)
    func verifyFindsTampering(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            for month in 1...6 {
                try await ActivityStore(db).insert([
                    NewActivityRecord(
                        unitCode: "A", period: "2024-0\(month)", item: "柴油", quantity: Double(month), uom: "t")
                ])
            }
            let clean = try await AuditLog.verify(db, pageSize: 4)
            #expect(clean.isIntact && clean.checked == 9)
            let ids = try await Self.entries(db).map(\.id)
            // Someone lowers a quantity in the log with SQL: that very entry is named.
            try await db.sql.raw(
                "UPDATE audit_log SET after_state = REPLACE(after_state, '\"quantity\":5', '\"quantity\":0.5') WHERE id = \(bind: ids[7])"
            ).run()
            let altered = try await AuditLog.verify(db, pageSize: 4)
            #expect(altered.firstBroken?.id == ids[7] && altered.firstBroken?.reason == .alteredEntry)
            #expect(altered.checked == 7)
            // … and recomputing that entry's hash to match only moves the break to the next one.
            let entry = try await Self.entries(db)[7]
            let rehashed = entry.expectedHash
            try await db.sql.raw("UPDATE audit_log SET hash = \(bind: rehashed) WHERE id = \(bind: ids[7])").run()
            let relinked = try await AuditLog.verify(db)
            #expect(relinked.firstBroken?.id == ids[8])
            if case .brokenLink = relinked.firstBroken?.reason {} else { Issue.record("expected a broken link") }
            // Deleting an entry breaks the link of the one after it.
            try await db.sql.raw("DELETE FROM audit_log WHERE id = \(bind: ids[3])").run()
            #expect(try await AuditLog.verify(db).firstBroken?.id == ids[4])
        }
    }

    @Test("changes made side by side still form one unbroken chain", arguments: TestDatabases.locations)
    func concurrentAppends(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            // Four writers: one event loop's share of the PostgreSQL pool, so none waits for a
            // connection while the others hold the chain's lock (on a loaded machine eight did, past
            // the pool's 10 s request timeout).
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<4 {
                    group.addTask {
                        for month in 1...10 {
                            try await EconomicStore(db).insert([
                                NewEconomicRecord(
                                    unitCode: writer % 2 == 0 ? "A" : "B",
                                    period: "\(2010 + writer)-\(month < 10 ? "0" : "")\(month)", outputValue: 1)
                            ])
                        }
                    }
                }
                try await group.waitForAll()
            }
            let result = try await AuditLog.verify(db)
            #expect(result.isIntact && result.checked == 3 + 40)
        }
    }

    @Test(
        "an auditor sees the entries of units in scope, filtered by unit, account and period",
        arguments: TestDatabases.locations)
    func filterAndScope(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            try await UnitStore(db).create(Self.units)
            for (actor, unit, period) in [("ann", "A", "2024-01"), ("ben", "B", "2024-01"), ("ann", "A", "2023-05")] {
                try await AuditActor.$current.withValue(AuditActor(accountID: nil, name: actor)) {
                    try await EconomicStore(db).insert([
                        NewEconomicRecord(unitCode: unit, period: period, outputValue: 1)
                    ])
                }
            }
            _ = try await AccountStore(db, cost: 4).create(name: "carol", password: "a long password 3", grants: [])
            let a = try await UnitStore(db).unit(code: "A")
            let b = try await UnitStore(db).unit(code: "B")
            let scopeA = try await AccessScope.readAndWrite(
                of: Account(id: 1, name: "v", createdAt: "", grants: [RoleGrant(role: .verifier, unitID: a.id)]),
                changing: [], in: db
            ).read
            func count(_ filter: AuditFilter, _ scope: AccessScope) async throws -> Int {
                let entries = try await AuditLog.entries(filter, scope: scope, limit: 100, in: db)
                return entries.count
            }
            #expect(try await count(AuditFilter(), .everything) == 3 + 3 + 1)
            // A's verifier: A's unit entry and A's two records; never B's, never the account's.
            #expect(try await count(AuditFilter(), scopeA) == 3)
            #expect(try await count(AuditFilter(unitID: b.id), scopeA) == 0)
            #expect(try await count(AuditFilter(actor: "ann"), .everything) == 2)
            #expect(try await count(AuditFilter(year: 2024), .everything) == 2)
            #expect(try await count(AuditFilter(year: 2024, month: 1), scopeA) == 1)
            #expect(try await count(AuditFilter(action: .accountCreated), .everything) == 1)
            // Paging back: the newest first, then those before it.
            let page = try await AuditLog.entries(AuditFilter(), scope: .everything, limit: 2, in: db)
            let next = try await AuditLog.entries(
                AuditFilter(beforeID: page.last!.id), scope: .everything, limit: 100, in: db)
            #expect(page.count == 2 && next.count == 5 && next.first!.id < page.last!.id)
        }
    }
}
