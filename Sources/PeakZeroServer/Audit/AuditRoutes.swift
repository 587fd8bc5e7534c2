import Hummingbird
import Persistence

extension AuditAPI {
    /// The audit API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<AuditAPI>] = [
        APIEndpoint(
            .listAudit, .get, "/api/v1/audit", subject: .narrowedByHandler, change: .nothing,
            summary:
                "The audit trail, newest first: who changed what, when, before and after, with each entry's hash chain (administrators, and verifiers, reviewers and managers for their units)",
            query: [
                ("unit_id", "only entries about this unit's subtree"), ("actor", "only this account's entries"),
                ("year", "only entries about this year"), ("month", "only entries about this month (1–12)"),
                ("action", "only this action (e.g. activity.replace, period.approve, signin)"),
                ("cursor", "the next_cursor of the page before (an entry id: the entries older than it)"),
                ("before", "an entry id: only older entries (paging back)"),
                ("limit", "at most this many entries (default 100, at most 1000)"),
                ("format", "csv or xlsx: every matching entry as a file (up to 100 000)"),
            ], tag: "audit", response: .page(AuditEntry.self)
        ) { $0.list }
    ]
}

extension PageHandlers {
    /// The audit pages: what each serves, what it is about and what it changes.
    static let auditPages: [PageEndpoint] = [
        PageEndpoint(.audit, .get, "/audit", subject: .narrowedByHandler, change: .nothing) { $0.audit }
    ]
}
