import Accounting
import Foundation
import Hummingbird
import Persistence

/// The Scope 3 page of a unit's subtree and a year: the section reports show, then every row with
/// its method, amount, factor and source, and where to get the template and import it.
struct Scope3Page: Sendable {
    struct Row: Sendable {
        let unit: String
        let category: String
        let method: String
        let description: String
        let amount: String
        let factor: String
        let tonnes: String
        let tier: String
    }

    let layout: PageLayout
    let heading: String
    let years: [InventoryReportPage.Choice]
    let scope3: Scope3Section
    let rows: [Row]
    let hasRows: Bool
    let templateURL: String
    let importURL: String
    let jsonURL: String

    static func row(_ stored: StoredScope3Record, language: Language) -> Row {
        let activity = stored.activity
        let line = stored.line
        let amount: String
        if let basis = line.basisAmount, let factor = line.factor {
            let unit = factor.unit.split(separator: "/", maxSplits: 1).last.map(String.init) ?? ""
            amount = "\(WebNumbers.grouped(basis, decimals: 3)) \(unit)"
        } else {
            amount = ""
        }
        var factor = line.factor.map { "\($0.reference): \($0.value) \($0.unit) · \($0.source)" } ?? ""
        if let supplier = line.supplierTonnes {
            let given = (language == .zh ? "供应商提供 " : "supplier's ") + WebNumbers.grouped(supplier, decimals: 3) + " t"
            factor = factor.isEmpty ? given : "\(given); \(factor)"
        }
        return Row(
            unit: stored.unitCode, category: "\(activity.category.rawValue) \(activity.category.name(in: language))",
            method: activity.method?.name(in: language) ?? (language == .zh ? "不计入" : "excluded"),
            description: activity.excludedReason ?? activity.description ?? "", amount: amount, factor: factor,
            tonnes: activity.isExclusion ? "—" : WebNumbers.grouped(line.tonnes, decimals: 3),
            tier: activity.tier.map { "\($0.rawValue) \($0.name(in: language))" } ?? "")
    }
}

extension PageHandlers {
    func scope3Page(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let year = request.uri.queryParameters.get("year").flatMap { Int(String($0)) } ?? clock.year - 1
        let heading = "\(t.text(forKey: "scope3_title")) · \(unit.name) · \(year)"
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: heading, current: .scope3,
            sameIn: { _ in .scope3(unit: id, year: year) })
        let store = Scope3Store(database)
        let records = try await store.records(under: id, year: year)
        let years = Array(Set([year - 1, year, year + 1, clock.year - 1].filter { $0 <= clock.year })).sorted()
        let rows = records.map { Scope3Page.row($0, language: language) }
        let api = APIRoute.unitScope3.path.replacingOccurrences(of: "{id}", with: String(id))
        let page = Scope3Page(
            layout: layout, heading: heading,
            years: years.map {
                .init(label: String($0), url: SiteURL.scope3(unit: id, year: $0).link(language), current: $0 == year)
            },
            scope3: Scope3Section(Scope3Store.summary(of: records), language: language), rows: rows,
            hasRows: !rows.isEmpty,
            templateURL: APIRoute.getTemplate.path.replacingOccurrences(of: "{kind}", with: "scope3")
                + "?format=xlsx&lang=\(language.rawValue)",
            importURL: SiteURL.importForm.link(language), jsonURL: "\(api)?year=\(year)&lang=\(language.rawValue)")
        return renderer.response(page, template: "scope3")
    }
}
