/// Who makes a change, as the audit trail names them: a signed-in account (with the address the
/// request came from), the command line, or PeakZero itself (migrations, the demo data).
///
/// It travels with the task rather than through every store call: the server sets it once per
/// request after sign-in, a command sets it once for its run, and every store that changes data
/// reads it when it appends to the log inside its own transaction.
public struct AuditActor: Sendable, Equatable {
    public let accountID: Int64?
    public let name: String
    public let address: String?

    public init(accountID: Int64?, name: String, address: String? = nil) {
        self.accountID = accountID
        self.name = name
        self.address = address
    }

    /// Changes made by PeakZero itself, not on anyone's request.
    public static let system = AuditActor(accountID: nil, name: "system")

    /// Changes made with the `peakzero` command, named after the operating-system user who ran it.
    public static func commandLine(user: String) -> AuditActor {
        AuditActor(accountID: nil, name: "cli:\(user)")
    }

    /// Who is acting in this task: nil until a caller says (the sign-in for a request, a command
    /// for its run, a test for its body). Never a default: an audited change nobody attributed is
    /// refused rather than written down as PeakZero's own.
    @TaskLocal public static var current: AuditActor?

    /// The actor of the change being made.
    /// - Throws: `StoreError.unattributed` when no caller has said who is acting.
    public static func acting() throws -> AuditActor {
        guard let current else { throw StoreError.unattributed }
        return current
    }
}
