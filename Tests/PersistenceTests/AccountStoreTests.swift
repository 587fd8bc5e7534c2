import Accounting
import Foundation
import Persistence
import PersistenceTestSupport
import Synchronization
import Testing

@testable import Persistence

/// Accounts: names and passwords checked, passwords kept only as Bcrypt hashes, failed sign-ins
/// limited per account and per address, sessions and tokens found by their secret and no longer
/// once ended, expired or revoked.
@Suite("Accounts, sessions and tokens")
struct AccountStoreTests {
    /// A clock the test moves by hand.
    final class Clock: Sendable {
        let now = Mutex(Date(timeIntervalSince1970: 1_800_000_000))
        func advance(_ seconds: TimeInterval) { now.withLock { $0 += seconds } }
        var read: @Sendable () -> Date { { self.now.withLock { $0 } } }
    }

    @Test(
        "an account is checked, stored with a Bcrypt hash, and signs in with its password only",
        arguments: TestDatabases.locations)
    func accounts(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let store = AccountStore(db, cost: 4)
            await #expect(throws: StoreError.self) {
                try await store.create(name: "has space", password: "short", grants: [])
            }
            let admin = try await store.create(name: "admin", password: "correct horse battery", grants: [.admin])
            #expect(admin.isAdmin && admin.name == "admin")
            await #expect(throws: StoreError.conflict("an account named admin exists")) {
                try await store.create(name: "admin", password: "another long one", grants: [.admin])
            }
            let hash = try await db.sql.raw("SELECT password_hash FROM users").first()!
                .decode(column: "password_hash", as: String.self)
            #expect(hash.hasPrefix("$2b$04$") && !hash.contains("correct horse"))
            #expect(try await store.verify(name: "admin", password: "correct horse battery", address: "a") == admin)
            await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                try await store.verify(name: "admin", password: "Correct horse battery", address: "a")
            }
            await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                try await store.verify(name: "nobody", password: "correct horse battery", address: "a")
            }
            // A grant must fit its role: an administrator has no unit; a viewer needs one.
            await #expect(throws: StoreError.self) {
                try await store.create(name: "v", password: "long enough pw", grants: [RoleGrant(role: .viewer)])
            }
        }
    }

    @Test(
        "five failures lock an account for fifteen minutes; twenty lock an address", arguments: TestDatabases.locations)
    func rateLimits(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let clock = Clock()
            let store = AccountStore(db, cost: 4, clock: clock.read)
            _ = try await store.create(name: "ann", password: "ann's long password", grants: [.admin])
            for _ in 0..<5 {
                await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                    try await store.verify(name: "ann", password: "guess", address: "10.0.0.1")
                }
                clock.advance(60)
            }
            // Locked now, even with the right password, until the first failure is 15 minutes old.
            await #expect(throws: SignInRefusal.tooManyAttempts(retryAfterSeconds: 600)) {
                try await store.verify(name: "ann", password: "ann's long password", address: "10.0.0.2")
            }
            clock.advance(600)
            #expect(
                try await store.verify(name: "ann", password: "ann's long password", address: "10.0.0.2").name == "ann")
            // One address guessing many names is stopped too.
            for name in (0..<20).map({ "user\($0)" }) {
                await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                    try await store.verify(name: name, password: "guess", address: "10.0.0.9")
                }
            }
            // ann has failures of her own in the window: refused from that address.
            await #expect(throws: SignInRefusal.self) {
                try await store.verify(name: "ann", password: "ann's long password", address: "10.0.0.9")
            }
            // An account in good standing is not locked out by its address (behind a proxy, one
            // address may be everyone's) …
            _ = try await store.create(name: "bob", password: "bob's long password", grants: [.admin])
            #expect(try await store.verify(name: "bob", password: "bob's long password", address: "10.0.0.9").name == "bob")
            // … but once it fails from there, it is.
            await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                try await store.verify(name: "bob", password: "guess", address: "10.0.0.9")
            }
            await #expect(throws: SignInRefusal.self) {
                try await store.verify(name: "bob", password: "bob's long password", address: "10.0.0.9")
            }
        }
    }

    @Test(
        "six simultaneous wrong passwords for one account: five are checked, the sixth refused",
        arguments: TestDatabases.locations)
    func simultaneousGuesses(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let store = AccountStore(db, cost: 4)
            _ = try await store.create(name: "ann", password: "ann's long password", grants: [.admin])
            // Six: one more than the limit, and fewer than PostgreSQL's pool holds, so that none waits
            // long for a connection on a busy machine.
            let outcomes = try await withThrowingTaskGroup(of: SignInRefusal?.self) { group in
                for k in 0..<6 {
                    group.addTask {
                        do {
                            _ = try await store.verify(name: "ann", password: "guess \(k)", address: "10.0.0.\(k)")
                            return nil
                        } catch let refusal as SignInRefusal {
                            return refusal
                        }
                    }
                }
                return try await group.reduce(into: [SignInRefusal?]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == .wrongNameOrPassword }.count == AccountStore.failuresPerAccount)
            #expect(outcomes.filter { if case .tooManyAttempts = $0 { true } else { false } }.count == 1)
        }
    }

    @Test("a password longer than Bcrypt's 72 bytes is refused, not cut short", arguments: TestDatabases.locations)
    func longPasswords(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let store = AccountStore(db, cost: 4)
            // 25 Chinese characters: 75 bytes; a password equal in its first 72 bytes would sign in.
            let long = String(repeating: "碳", count: 25)
            await #expect(throws: StoreError.self) {
                try await store.create(name: "ann", password: long, grants: [.admin])
            }
            let ann = try await store.create(name: "ann", password: String(repeating: "碳", count: 24), grants: [.admin])
            await #expect(throws: StoreError.self) { try await store.setPassword(name: ann.name, to: long) }
            let problem = AccountStore.passwordProblem(long)
            #expect(problem.map { InputIssue(problem: $0).message(in: .zh) }?.contains("72 字节") == true)
        }
    }

    @Test("Bcrypt waits on its own threads, and no more than its limit waits")
    func passwordWorkIsBounded() async throws {
        let work = PasswordWork(threads: 1, queueLimit: 2)
        let release = DispatchSemaphore(value: 0)
        let first = Task { try await work.run { release.wait(); return 1 } }
        let second = Task { try await work.run { 2 } }
        // Both wait (one running, one queued); a third is refused at once.
        while work.waiting < 2 { try await Task.sleep(for: .milliseconds(5)) }
        await #expect(throws: SignInRefusal.tooManyAttempts(retryAfterSeconds: 1)) { try await work.run { 3 } }
        release.signal()
        #expect(try await first.value == 1)
        #expect(try await second.value == 2)
        #expect(work.waiting == 0)
    }

    @Test(
        "a session opens by its cookie until it ends or expires; only its hash is stored",
        arguments: TestDatabases.locations)
    func sessions(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let clock = Clock()
            let store = AccountStore(db, cost: 4, clock: clock.read)
            let ann = try await store.create(name: "ann", password: "ann's long password", grants: [.admin])
            let first = try await store.openSession(for: ann)
            let second = try await store.openSession(for: ann)
            #expect(first.cookieValue != second.cookieValue && first.csrfToken != second.csrfToken)
            #expect(first.cookieValue.hasPrefix("pzs_") && first.cookieValue.count > 40)
            let stored = try await db.sql.raw("SELECT token_hash FROM sessions").all()
                .map { try $0.decode(column: "token_hash", as: String.self) }
            #expect(!stored.contains(first.cookieValue) && stored.count == 2)
            #expect(try await store.session(cookieValue: first.cookieValue)?.account == ann)
            #expect(try await store.session(cookieValue: first.cookieValue)?.csrfToken == first.csrfToken)
            #expect(try await store.session(cookieValue: "pzs_made-up") == nil)
            try await store.endSession(cookieValue: first.cookieValue)
            #expect(try await store.session(cookieValue: first.cookieValue) == nil)
            #expect(try await store.session(cookieValue: second.cookieValue) != nil)
            clock.advance(AccountStore.sessionLifetime + 1)
            #expect(try await store.session(cookieValue: second.cookieValue) == nil)
        }
    }

    @Test("a token signs in until revoked or expired; only its owner revokes it", arguments: TestDatabases.locations)
    func tokens(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let clock = Clock()
            let store = AccountStore(db, cost: 4, clock: clock.read)
            let ann = try await store.create(name: "ann", password: "ann's long password", grants: [.admin])
            let bob = try await store.create(name: "bob", password: "bob's long password", grants: [.admin])
            let (token, secret) = try await store.makeToken(for: ann, name: "nightly export", days: 30)
            #expect(secret.hasPrefix("pzt_") && token.name == "nightly export" && token.revokedAt == nil)
            #expect(try await store.account(bearer: secret) == ann)
            #expect(try await store.tokens(of: ann).map(\.id) == [token.id])
            await #expect(throws: StoreError.notFound(kind: "token", id: String(token.id))) {
                try await store.revokeToken(id: token.id, of: bob)
            }
            let (other, otherSecret) = try await store.makeToken(for: ann, name: "", days: 1)
            try await store.revokeToken(id: other.id, of: ann)
            #expect(try await store.account(bearer: otherSecret) == nil)
            #expect(try await store.account(bearer: secret) == ann)
            clock.advance(31 * 86400)
            #expect(try await store.account(bearer: secret) == nil, "expired after 30 days")
            await #expect(throws: StoreError.self) { try await store.makeToken(for: ann, name: "x", days: 400) }
        }
    }

    @Test(
        "a new password ends the sessions; a disabled account signs in no more, by any means",
        arguments: TestDatabases.locations)
    func administration(kind: String) async throws {
        try await TestDatabases.withDatabase(kind) { db async throws in
            let store = AccountStore(db, cost: 4)
            let ann = try await store.create(name: "ann", password: "ann's long password", grants: [.admin])
            let session = try await store.openSession(for: ann)
            try await store.setPassword(name: "ann", to: "a brand new password")
            #expect(try await store.session(cookieValue: session.cookieValue) == nil)
            await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                try await store.verify(name: "ann", password: "ann's long password", address: "a")
            }
            #expect(try await store.verify(name: "ann", password: "a brand new password", address: "a") == ann)
            await #expect(throws: StoreError.self) { try await store.setPassword(name: "ann", to: "short") }

            let (_, secret) = try await store.makeToken(for: ann, name: "t")
            let again = try await store.openSession(for: ann)
            try await store.disable(name: "ann")
            #expect(try await store.account(bearer: secret) == nil)
            #expect(try await store.session(cookieValue: again.cookieValue) == nil)
            await #expect(throws: SignInRefusal.wrongNameOrPassword) {
                try await store.verify(name: "ann", password: "a brand new password", address: "a")
            }
            #expect(try await store.list().isEmpty)
            await #expect(throws: StoreError.notFound(kind: "account", id: "ann")) {
                try await store.disable(name: "ann")
            }
        }
    }
}
