import Crypto
import Foundation
import HTTPTypes
import NIOCore
import Persistence

/// Whole answers to signed-in reads, remembered per credential so that asking again is answered on
/// the connection's event loop, before the request reaches the router (`RememberedAnswersHandler`).
///
/// An answer is remembered only when its route says it rests on the database alone (a
/// `ResponseCache` answer, marked with `markerField`) and it was given to this very credential, for
/// this very address and language, while the database was as it is now. So the sign-in, the
/// account's roles and its scope were all checked for exactly this request; any write — revoking the
/// token, ending the session, disabling the account, changing a grant, moving a unit, new data —
/// changes the database's signal and every remembered answer is asked afresh. The credential's end
/// is kept with the answer and checked on every use. On PostgreSQL a commit by another process (the
/// command line) is seen when its notification arrives, milliseconds after it (`ChangeNotifications`).
final class RememberedAnswers: @unchecked Sendable {  // `answers` and `served` are only touched under `lock`
    struct Answer {
        let version: ChangeSignal.Version
        /// When the token or session that was shown ends.
        let expiry: Date
        let head: HTTPResponse
        let body: ByteBuffer
    }

    /// What names one request: the hash of its address, language, bearer token and cookies. The
    /// secrets themselves are not kept in memory.
    typealias Key = SHA256Digest

    /// Set by the router on an answer that may be remembered, with the credential's end (seconds since
    /// 1970); the handler removes it before the answer is written.
    static let markerField = HTTPField.Name("PeakZero-Remember-Until")!
    /// Answers larger than this are not remembered (an indicator answer is tens of kilobytes).
    static let largestBody = 1 << 20

    let signal: ChangeSignal
    /// Whether a token or session ending at a moment is still open (the accounts' clock).
    let isOpen: @Sendable (Date) -> Bool
    private let lock = NSLock()
    private var answers: [Key: Answer] = [:]
    private var served = 0
    /// Past this many, all are forgotten and asked afresh.
    private let capacity: Int
    private let metrics: ServerMetrics?

    init?(database: PeakZeroDatabase, accounts: AccountStore, metrics: ServerMetrics? = nil, capacity: Int = 4_000) {
        guard let signal = ChangeSignal(database) else { return nil }
        self.signal = signal
        isOpen = { accounts.isCurrent(until: $0) }
        self.metrics = metrics
        self.capacity = capacity
    }

    /// The key of a request that could be answered from memory: a GET carrying a credential and not
    /// asking for the connection to close (a connection left as it is, or kept alive); nil for any other.
    static func key(of request: HTTPRequest) -> Key? {
        guard request.method == .get else { return nil }
        let fields = request.headerFields
        if let connection = fields[.connection], connection.lowercased() != "keep-alive" { return nil }
        let authorization = fields[.authorization]
        let cookie = fields[.cookie]
        guard authorization != nil || cookie != nil else { return nil }
        var hash = SHA256()
        for part in [request.path, fields[.acceptLanguage], authorization, cookie] {
            // Each part with its length first, so that no two different requests run together alike.
            var text = part ?? ""
            let count = text.utf8.count
            withUnsafeBytes(of: count) { hash.update(bufferPointer: $0) }
            text.withUTF8 { hash.update(bufferPointer: UnsafeRawBufferPointer($0)) }
        }
        return hash.finalize()
    }

    /// The answer remembered for `key`, if the database is as it was (`now`) and the credential open.
    func answer(for key: Key, at now: ChangeSignal.Version) -> Answer? {
        let answer: Answer? = lock.withLock {
            guard let answer = answers[key], answer.version == now else { return nil }
            return answer
        }
        guard let answer, isOpen(answer.expiry) else { return nil }
        lock.withLock { served += 1 }
        metrics?.rememberedAnswers.increment()
        return answer
    }

    func remember(_ answer: Answer, for key: Key) {
        guard answer.body.readableBytes <= Self.largestBody else { return }
        lock.withLock {
            if answers.count >= capacity { answers.removeAll(keepingCapacity: true) }
            answers[key] = answer
        }
    }

    /// How many requests were answered from memory (for tests and the benchmark's check).
    var answeredFromMemory: Int { lock.withLock { served } }
}
