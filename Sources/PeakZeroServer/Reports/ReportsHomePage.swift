import Accounting
import Foundation
import Hummingbird
import Persistence

/// The 报告/Reports menu: choose a report, its subject and year, and open its page (to preview,
/// fill the narrative, issue and download); below, the reports issued in the account's scope.
struct ReportsHomePage: Sendable {
    struct Option: Sendable {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Issued: Sendable {
        let label: String
        let kind: String
        let url: String
    }

    let layout: PageLayout
    let kinds: [Option]
    let years: [Option]
    let unitChoices: [Option]
    let unit: String
    let region: String
    let problem: String?
    let issued: [Issued]
    /// Stored, not computed: the templates see a page's stored fields only (`TemplateValues`).
    let hasIssued: Bool
    let action: String

    /// The kinds of report the menu opens, by the value the form sends.
    static let kinds = ["inventory", "climate", "supervisor", "region"]
}

extension PageHandlers {
    /// The menu; with `kind`, `year` and a unit code (or a region code for a region's report), the
    /// chosen report's page.
    func reportsHome(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        func query(_ name: String) -> String { request.uri.queryParameters.get(name).map { String($0).trimmed } ?? "" }
        let kind = ReportsHomePage.kinds.contains(query("kind")) ? query("kind") : "inventory"
        let years = Set(try await inventories.list().map(\.year)).sorted(by: >)
        let year = Int(query("year")) ?? years.first ?? clock.year
        let visible = try await units.list(scope: context.readScope)
        var problem: String?
        if query("open") == "1" {
            if kind == "region" {
                if RegionPrefix(query("region")) != nil {
                    return Self.redirect(
                        to: SiteURL.regionSupervisorReport(code: query("region"), year: year).link(language))
                }
                problem = t.text(forKey: "reports_unknown_region").replacingOccurrences(of: "{code}", with: query("region"))
            } else if let unit = visible.first(where: { $0.code == query("unit") }) {
                let address: SiteURL =
                    switch kind {
                    case "climate": .climateReport(unit: unit.id, year: year)
                    case "supervisor": .supervisorReport(unit: unit.id, year: year)
                    default: .inventoryReport(unit: unit.id, year: year)
                    }
                return Self.redirect(to: address.link(language))
            } else {
                problem = t.text(forKey: "reports_unknown_unit").replacingOccurrences(of: "{code}", with: query("unit"))
            }
        }
        // The units a report is usually about: supervisors, groups and enterprises, not each facility.
        let subjects = visible.filter { $0.level != .facility }.prefix(1_000)
        var issued: [ReportsHomePage.Issued] = []
        if let root = visible.first {
            issued = try await IssuedReportStore(database).list(under: root.id).prefix(50).map {
                .init(
                    label: "#\($0.id) · \($0.unitCode) · \($0.year) · \(BeijingTime.minute(of: $0.issuedAt)) · \(ActorName.shown($0.issuedBy, t))",
                    kind: t.text(forKey: "reports_kind_\($0.kind)"), url: SiteURL.issuedReport(id: $0.id).link(language))
            }
        }
        let page = ReportsHomePage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t.text(forKey: "reports_title"),
                current: .reportsHome, sameIn: { _ in .reportsHome }),
            kinds: ReportsHomePage.kinds.map {
                .init(value: $0, label: t.text(forKey: "reports_kind_\($0)"), selected: $0 == kind)
            },
            years: years.map { .init(value: String($0), label: String($0), selected: $0 == year) },
            unitChoices: subjects.map { .init(value: $0.code, label: "\($0.code) \($0.name)", selected: false) },
            unit: query("unit"), region: query("region"), problem: problem, issued: issued, hasIssued: !issued.isEmpty,
            action: SiteURL.reportsHome.path)
        return renderer.response(page, template: "reports-home", status: problem == nil ? .ok : .notFound)
    }
}
