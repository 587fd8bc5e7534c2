/// One change, as a store describes it to the audit trail: what was done to what, the unit and
/// period it concerns (what the log is filtered by and scoped to), and the state before and after.
public struct AuditChange: Sendable, Equatable {
    public var action: AuditAction
    /// What kind of thing changed (`activity_record`, `unit`, `account`, …).
    public var subjectKind: String
    public var subjectID: String?
    public var unitID: Int64?
    public var year: Int?
    public var month: Int?
    public var before: AuditState?
    public var after: AuditState?

    public init(
        _ action: AuditAction, subjectKind: String, subjectID: String? = nil, unitID: Int64? = nil, year: Int? = nil,
        month: Int? = nil, before: AuditState? = nil, after: AuditState? = nil
    ) {
        self.action = action
        self.subjectKind = subjectKind
        self.subjectID = subjectID
        self.unitID = unitID
        self.year = year
        self.month = month
        self.before = before
        self.after = after
    }

    init(
        _ action: AuditAction, subjectKind: String, subjectID: Int64, unitID: Int64? = nil, year: Int? = nil,
        month: Int? = nil, before: AuditState? = nil, after: AuditState? = nil
    ) {
        self.init(
            action, subjectKind: subjectKind, subjectID: String(subjectID), unitID: unitID, year: year,
            month: month, before: before, after: after)
    }
}
