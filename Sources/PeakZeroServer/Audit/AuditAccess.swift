import Accounting
import Hummingbird
import Intake
import Persistence

/// Who may read the audit trail, and how much of it: administrators all of it; verifiers,
/// reviewers and managers the entries about units within their grants of those roles. Viewers and
/// reporters may not read it.
enum AuditAccess {
    static let roles: Set<Role> = [.admin, .verifier, .reviewer, .manager]

    static func mayRead(_ account: Account) -> Bool {
        account.grants.contains { roles.contains($0.role) }
    }

    /// The scope of the account's auditing grants; nil when it has none.
    static func scope(of account: Account, in database: PeakZeroDatabase) async throws -> AccessScope? {
        guard mayRead(account) else { return nil }
        return try await AccessScope.granted(roles, to: account, in: database)
    }

    /// A query value that is not what its filter takes.
    struct BadFilter: Error, Equatable {
        let field: String
        let value: String

        func message(_ language: Language) -> String {
            language.say(.badAuditFilter, ["field": "\(field)", "value": "\(value)"])
        }
    }

    /// A filter from a request's query: `actor`, `year`, `month`, `action`, `before` (an entry id:
    /// only older ones). The unit is the caller's to resolve (the API names it by id, pages by code).
    static func filter(_ query: Hummingbird.Parameters) throws -> AuditFilter {
        func value(_ name: String) -> String? {
            query.get(name).map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func parsed<T>(_ name: String, _ parse: (String) -> T?) throws -> T? {
            guard let text = value(name) else { return nil }
            guard let result = parse(text) else { throw BadFilter(field: name, value: text) }
            return result
        }
        return AuditFilter(
            actor: value("actor"),
            year: try parsed("year") { Int($0).flatMap { (1900...2200).contains($0) ? $0 : nil } },
            month: try parsed("month") { Int($0).flatMap { (1...12).contains($0) ? $0 : nil } },
            action: try parsed("action", AuditAction.init(rawValue:)), beforeID: try parsed("before") { Int64($0) })
    }

    /// The most entries one export holds (a limit PeakZero sets, so one download stays a workbook
    /// Excel opens in seconds); a larger log is exported a period or a unit at a time.
    static let exportLimit = 100_000

    /// Every entry matching `filter` within `scope`, newest first, as a file with the units' codes.
    static func export(
        _ filter: AuditFilter, scope: AccessScope, format: Templates.Format, language: Language,
        _ database: PeakZeroDatabase
    ) async throws -> Response {
        let entries = try await AuditLog.entries(filter, scope: scope, limit: exportLimit, in: database)
        let units = try await UnitStore(database).units(ids: Set(entries.compactMap(\.unitId)))
        let tables = Exports.audit(entries, unitCodes: units.mapValues(\.code), language: language)
        return IntakeAPI.file(
            try Exports.data(tables, format: format), name: "audit.\(format.rawValue)", format: format)
    }
}
