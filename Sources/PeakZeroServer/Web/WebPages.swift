import Accounting
import Foundation
import Hummingbird
import Persistence

/// The page handlers: each reads what its page shows through the same stores as the API, builds
/// the page's model and renders it.
struct WebPages: Sendable {
    let renderer: PageRenderer
    let units: UnitStore
    let rollups: RollupStore
    let inventories: InventoryStore

    /// The overview: the page of the first top-level unit (the whole tree the user may see, once
    /// accounts scope it).
    func overview(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let root = try await units.list().first(where: { $0.parentID == nil }) else {
            return renderer.response(
                EmptyPage(
                    layout: PageLayout(
                        strings: renderer.strings, language: language,
                        title: renderer.strings.text("overview_title", language),
                        current: .overview, sameIn: { _ in .overview(year: nil) }),
                    message: renderer.strings.text("no_units", language)),
                template: "empty")
        }
        return try await unitPage(root, request: request, overview: true)
    }

    func unit(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        let unit: ReportingUnit
        do { unit = try await units.unit(id: id) } catch StoreError.notFound { return notFound(request) }
        return try await unitPage(unit, request: request, overview: false)
    }

    /// Every unit, or those whose code or name contains `q`, as an indented tree.
    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let search = request.uri.queryParameters.get("q").map { String($0).trimmingCharacters(in: .whitespaces) } ?? ""
        let all = try await units.list()
        let shown =
            search.isEmpty
            ? all
            : all.filter {
                $0.code.localizedCaseInsensitiveContains(search) || $0.name.localizedCaseInsensitiveContains(search)
            }
        var depth: [Int64: Int] = [:]
        let rows = shown.prefix(2000).map { unit -> UnitList.Row in
            let level = unit.parentID.flatMap { depth[$0] }.map { $0 + 1 } ?? 0
            depth[unit.id] = level
            return UnitList.Row(
                code: unit.code, name: unit.name, url: SiteURL.unit(id: unit.id, year: nil).link(language),
                level: UnitPage.level(unit.level, t), region: unit.regionCode,
                indent: search.isEmpty ? min(level, 5) : 0)
        }
        let model = UnitList(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t["nav_units"] ?? "", current: .units,
                sameIn: { _ in .units(search: search) }),
            search: search, lang: language.rawValue, rows: Array(rows), hasRows: !rows.isEmpty,
            searched: !search.isEmpty)
        return renderer.response(model, template: "units")
    }

    func notFound(_ request: Request) -> Response {
        let language = request.language
        return renderer.response(
            EmptyPage(
                layout: PageLayout(
                    strings: renderer.strings, language: language,
                    title: renderer.strings.text("not_found_title", language), current: .overview,
                    sameIn: { _ in .overview(year: nil) }),
                message: renderer.strings.text("not_found", language)),
            template: "empty", status: .notFound)
    }

    private func unitPage(_ unit: ReportingUnit, request: Request, overview: Bool) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        var chain = [unit]
        while let id = chain[0].parentID, let parent = try? await units.unit(id: id) { chain.insert(parent, at: 0) }
        // The years an inventory of the unit or of one above it covers.
        var computed = Set<Int>()
        for member in chain { computed.formUnion(try await inventories.list(unitID: member.id).map(\.year)) }
        let asked = request.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        let year = asked ?? computed.max() ?? (Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
        let subject = RollupSubject.unit(id: unit.id, approach: .control)
        let current = computed.contains(year) ? try await rollups.rollup(subject, year: year) : nil
        let previous = computed.contains(year - 1) ? try await rollups.rollup(subject, year: year - 1) : nil
        let children = try await units.children(of: unit.id)
        let links = children.map {
            Dashboard.Child(
                key: String($0.id), name: "\($0.name)", url: SiteURL.unit(id: $0.id, year: year).link(language))
        }
        let dashboard = Dashboard(
            current: current, year: year, previous: previous, children: links, method: .location,
            strings: renderer.strings,
            language: language)
        let figures = Dictionary(
            (current?.byChild ?? []).map { ($0.key, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let before = Dictionary(
            (previous?.byChild ?? []).map { ($0.key, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let rows = children.map { child -> UnitPage.ChildRow in
            let now = figures[String(child.id)]
            let emissions = now?.emissions(.location).value(in: .tonneCO2e)
            let energy = now?.energyCalorific.value(in: .tonneCoalEquivalent)
            let change = Accounting.yearOnYear(
                emissions, before[String(child.id)]?.emissions(.location).value(in: .tonneCO2e))
            return UnitPage.ChildRow(
                code: child.code, name: child.name, url: SiteURL.unit(id: child.id, year: year).link(language),
                level: UnitPage.level(child.level, t),
                emissions: emissions.map { WebNumbers.amount($0, language) } ?? "—",
                emissionsSort: emissions.map { String($0) } ?? "",
                energy: energy.map { WebNumbers.amount($0, language) } ?? "—",
                energySort: energy.map { String($0) } ?? "", change: change.map(WebNumbers.change) ?? "—")
        }
        let crumbs = chain.dropLast().map {
            UnitPage.Crumb(name: $0.name, url: SiteURL.unit(id: $0.id, year: year).link(language))
        }
        let years = Set(computed).union([year]).sorted(by: >)
        let title = overview ? "\(t["overview_title"] ?? "") · \(unit.name)" : unit.name
        let model = UnitPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: title, current: overview ? .overview : .unit,
                sameIn: { _ in overview ? .overview(year: asked) : .unit(id: unit.id, year: asked) }),
            heading: unit.name, isOverview: overview,
            facts: [
                .init(label: t["code"] ?? "", value: unit.code),
                .init(label: t["level"] ?? "", value: UnitPage.level(unit.level, t)),
                .init(label: t["region"] ?? "", value: unit.regionCode),
                .init(label: t["industry"] ?? "", value: unit.industryCode ?? "—"),
            ],
            crumbs: crumbs, formAction: (overview ? SiteURL.overview(year: nil) : .unit(id: unit.id, year: nil)).path,
            lang: language.rawValue, year: year, years: years.map { .init(value: $0, selected: $0 == year) },
            dashboard: dashboard, children: rows, hasChildren: !rows.isEmpty)
        return renderer.response(model, template: "unit")
    }
}

/// The units page: a search box and the matching units.
struct UnitList: Sendable {
    struct Row: Sendable {
        let code: String
        let name: String
        let url: String
        let level: String
        let region: String
        let indent: Int
    }

    let layout: PageLayout
    let search: String
    let lang: String
    let rows: [Row]
    let hasRows: Bool
    let searched: Bool
}

/// A page with a message only: nothing stored yet, or not found.
struct EmptyPage: Sendable {
    let layout: PageLayout
    let message: String
}
