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

    @TaskLocal public static var current: AuditActor = .system
}
