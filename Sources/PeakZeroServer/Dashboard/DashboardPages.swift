import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// The overview and a unit's page: the four indicators of a unit's subtree with its links.
extension PageHandlers {
    /// The overview: the page of the first top-level unit (the whole tree the user may see, once
    /// accounts scope it).
    func overview(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        // In path order the first unit in scope is the top of the first subtree the account sees.
        guard let root = try await units.list(scope: context.readScope).first else {
            return renderer.response(
                EmptyPage(
                    layout: PageLayout(
                        strings: renderer.strings, language: language,
                        title: renderer.strings.text(.overviewTitle, language),
                        current: .overview, sameIn: { _ in .overview(year: nil) }),
                    message: renderer.strings.text(.noUnits, language)),
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

    /// The unit and the units above it, the top first.
    func unitChain(_ unit: ReportingUnit) async throws -> [ReportingUnit] {
        var chain = [unit]
        while let id = chain[0].parentID, let parent = try? await units.unit(id: id) { chain.insert(parent, at: 0) }
        return chain
    }

    /// The years an inventory of the unit or of one above it covers: the years its pages can show,
    /// the latest of which they open on (the overview and the review board alike).
    func computedYears(_ chain: [ReportingUnit]) async throws -> Set<Int> {
        var computed = Set<Int>()
        for member in chain { computed.formUnion(try await inventories.list(unitID: member.id).map(\.year)) }
        return computed
    }

    func unitPage(_ unit: ReportingUnit, request: Request, overview: Bool) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let chain = try await unitChain(unit)
        let computed = try await computedYears(chain)
        let children = try await units.children(of: unit.id)
        let id = unit.id
        let region = RegionPrefix(unit.regionCode)
        let links: [DashboardSubject.Crumb] = [
            .init(name: t[.recordsTitle], address: { .records(unit: id, year: $0) }),
            .init(name: t[.reviewBoard], address: { .periods(unit: id, year: $0) }),
            .init(name: t[.targetsTitle], address: { _ in .targets(unit: id, region: nil) }),
            .init(name: t[.measuresTitle], address: { _ in .measures(unit: id) }),
            .init(name: t[.gradesHistory], address: { _ in .unitGrades(id: id) }),
            .init(name: t[.roadmapTitle], address: { _ in .roadmap(.unit(id), scenario: nil) }),
            .init(name: t[.projectsTitle], address: { _ in .projects(unit: id) }),
            .init(name: t[.assetsTitle], address: { _ in .assets(unit: id, date: nil) }),
            .init(name: t[.complianceTitle], address: { year in .compliance(unit: id, year: year) }),
            .init(name: t[.footprintsTitle], address: { _ in .footprints(unit: id) }),
            .init(name: t[.scope3Title], address: { year in .scope3(unit: id, year: year) }),
            .init(name: t[.inventoryReportTitle], address: { year in .inventoryReport(unit: id, year: year) }),
            .init(name: t[.supervisorReportTitle], address: { year in .supervisorReport(unit: id, year: year) }),
            .init(name: t[.climateReportTitle], address: { year in .climateReport(unit: id, year: year) }),
        ]
        let subject = DashboardSubject(
            rollup: .unit(id: unit.id, approach: .control), heading: unit.name, isOverview: overview,
            page: overview ? .overview : .unit,
            address: { overview ? .overview(year: $0) : .unit(id: id, year: $0) },
            facts: [
                .init(label: t[.code], value: unit.code),
                .init(label: t[.level], value: DashboardPage.level(unit.level, t)),
                .init(
                    label: t[.region],
                    value: region.map { RegionNames.name(of: $0, language) } ?? unit.regionCode),
                .init(label: t[.industry], value: IndustryNames.label(unit.industryCode, language)),
            ],
            crumbs: chain.dropLast().map { parent in
                .init(name: parent.name, address: { .unit(id: parent.id, year: $0) })
            },
            members: children.map { child in
                .init(
                    key: String(child.id), code: child.code, name: child.name,
                    level: DashboardPage.level(child.level, t), address: { .unit(id: child.id, year: $0) })
            }, childrenTitle: t[.children], years: computed, lineUnit: overview ? nil : unit.id,
            links: links
                + (region.map { region in
                    [.init(name: t[.regionPage], address: { .region(code: region.code, year: $0) })]
                } ?? []))
        let model = try await dashboardPage(subject, request: request) { year in
            let today = clock.month
            return CoverageGrid(
                unit: unit, subtree: try await units.list(under: id, scope: .everything),
                periods: try await activity.reportedPeriods(under: id, year: year), year: year,
                today: (today.year, today.month), months: Dashboard.monthLabels(t, language) + [t[.annual]],
                t: t, address: { SiteURL.unit(id: $0.id, year: year).link(language) })
        }
        return renderer.response(model, template: "dashboard")
    }
}
