import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// The audit trail's page, for those who may read it: entries within their auditing grants,
/// filtered by unit (its code: the unit and everything below it), account, period and action, and
/// the same selection exported.
extension PageHandlers {
    func audit(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let scope = try await AuditAccess.scope(of: try context.signedIn.account, in: database) else {
            throw HTTPError(.forbidden, message: t[.auditForbidden])
        }
        let asked = AuditQuery(request.uri.queryParameters)
        var problem: String?
        var filter = AuditFilter()
        do { filter = try AuditAccess.filter(request.uri.queryParameters) } catch let bad as AuditAccess.BadFilter {
            problem = bad.message(language)
        }
        var entries: [AuditEntry] = []
        if problem == nil, let code = asked.unit {
            if let unit = try? await units.unit(code: code), try await scope.contains(unitID: unit.id, in: database) {
                filter.unitID = unit.id
            } else {
                problem = (t[.auditUnknownUnit]).replacingOccurrences(of: "{code}", with: code)
            }
        }
        if let format = asked.format, problem == nil {
            return try await AuditAccess.export(
                filter, scope: scope, format: Templates.Format(rawValue: format) ?? .csv, language: language, database)
        }
        let pageSize = 100
        if problem == nil { entries = try await AuditLog.entries(filter, scope: scope, limit: pageSize, in: database) }
        let named = try await units.units(ids: Set(entries.compactMap(\.unitId)))
        let rows = entries.map { entry in
            let unit = entry.unitId.flatMap { named[$0] }
            return AuditPage.Row(
                id: String(entry.id), at: BeijingTime.show(entry.at), actor: ActorName.shown(entry.actor, t), address: entry.address ?? "",
                action: Self.auditLabel(entry.action, t),
                subject: Self.subjectLabel(entry.subjectKind, t), subjectId: entry.subjectId ?? "",
                unit: unit.map { "\($0.code) \($0.name)" } ?? entry.unitId.map { "#\($0)" } ?? "",
                unitURL: unit.map { SiteURL.unit(id: $0.id, year: entry.year).link(language) },
                period: [entry.year.map(String.init), entry.month.map { String(format: "%02d", $0) }].compactMap { $0 }
                    .joined(separator: "-"),
                before: entry.beforeState, after: entry.afterState, hash: entry.hash,
                shortHash: String(entry.hash.prefix(12)))
        }
        var older = asked
        older.before = entries.count == pageSize ? entries.last.map { String($0.id) } : nil
        var export = asked
        export.before = nil
        let options =
            [RecordForm.Option(value: "", label: t[.all], selected: asked.action == nil)]
            + AuditAction.allCases.map {
                RecordForm.Option(
                    value: $0.rawValue,
                    label: Self.auditLabel($0.rawValue, t), selected: $0.rawValue == asked.action)
            }
        var csv = export
        csv.format = "csv"
        var xlsx = export
        xlsx.format = "xlsx"
        let model = AuditPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.auditTitle], current: .audit,
                sameIn: { _ in .audit(asked) }),
            lang: language.rawValue, action: SiteURL.audit(AuditQuery()).path, unit: asked.unit ?? "",
            actor: asked.actor ?? "", year: asked.year ?? "", month: asked.month ?? "", actions: options,
            problem: problem, rows: rows, hasRows: !rows.isEmpty,
            older: older.before == nil ? nil : SiteURL.audit(older).link(language),
            exportCSV: SiteURL.audit(csv).link(language), exportXLSX: SiteURL.audit(xlsx).link(language))
        return renderer.response(model, template: "audit", status: problem == nil ? .ok : .badRequest)
    }
}

extension PageHandlers {
    /// An action's name in the page's language (`period.approve` → 审核通过), or its stored name.
    static func auditLabel(_ action: String, _ t: Words) -> String {
        t.text(forKey: auditLabelKey(action), else: action)
    }

    /// What kind of thing changed, in the page's language ("活动数据 42"); the stored kind if unknown.
    static func subjectLabel(_ kind: String, _ t: Words) -> String {
        t.text(forKey: "audit_kind_" + kind, else: kind)
    }

    static func auditLabelKey(_ action: String) -> String {
        "audit_action_" + action.replacingOccurrences(of: ".", with: "_")
    }
}

/// The audit page's query as typed: kept as text, so the form shows back what was asked.
struct AuditQuery: Sendable, Equatable {
    var unit: String?
    var actor: String?
    var year: String?
    var month: String?
    var action: String?
    var before: String?
    var format: String?

    init() {}

    init(_ query: Hummingbird.Parameters) {
        func value(_ name: String) -> String? {
            query.get(name).map { String($0).trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        unit = value("unit")
        actor = value("actor")
        year = value("year")
        month = value("month")
        action = value("action")
        before = value("before")
        format = value("format").flatMap { ["csv", "xlsx"].contains($0) ? $0 : nil }
    }

    var query: [(String, String)] {
        [
            ("unit", unit), ("actor", actor), ("year", year), ("month", month), ("action", action), ("before", before),
            ("format", format),
        ].compactMap { name, value in value.map { (name, $0) } }
    }
}
