import Accounting
import Hummingbird
import Persistence

/// Whose plan a pathways page or API route is about, read from its path: the region `{code}` (six
/// digits of a province, city or county) or the unit `{id}` (a supervisor, group or enterprise
/// planning its own peak); with its name and its own page.
struct PlanPlace: Sendable {
    let subject: PlanSubject
    let name: String
    let page: SiteURL

    var region: RegionPrefix? { subject.regionCode.flatMap(RegionPrefix.init) }

    /// The page as the navigation knows it: a unit's pathways pages sit under the units.
    func current(_ page: SitePage) -> SitePage {
        guard subject.unitID != nil else { return page }
        return switch page {
        case .roadmap: .unitRoadmap
        case .planEditor: .unitPlanEditor
        case .projectReviews: .unitProjectReviews
        case .projectReview: .unitProjectReview
        default: page
        }
    }

    /// The list it sits in, first in the breadcrumb: the regions, or the units.
    func listCrumb(_ language: Language, _ t: Words) -> RoadmapPage.Fact {
        subject.unitID == nil
            ? .init(label: t[.navRegions], value: SiteURL.regions.link(language))
            : .init(label: t[.navUnits], value: SiteURL.units(search: nil).link(language))
    }

    /// nil when the path names no such region or unit (the route answers 404).
    static func find(
        _ context: PeakZeroContext, _ language: Language, in database: PeakZeroDatabase
    ) async throws -> PlanPlace? {
        if let code = context.parameters.get("code") {
            guard code.count == 6, let region = RegionPrefix(code) else { return nil }
            return PlanPlace(
                subject: .region(region.code), name: RegionNames.name(of: region, language),
                page: .region(code: region.code, year: nil))
        }
        guard let id = context.parameters.get("id").flatMap({ Int64($0) }) else { return nil }
        let unit: ReportingUnit
        do { unit = try await UnitStore(database).unit(id: id) } catch StoreError.notFound { return nil }
        return PlanPlace(subject: .unit(id), name: unit.name, page: .unit(id: id, year: nil))
    }

    /// Whether the account plans here: sets targets for the region, or for the unit's subtree.
    func isPlanned(by context: PeakZeroContext, in database: PeakZeroDatabase) async throws -> Bool {
        let scope = try await AccessScope.granted(RouteChange.setsTargets, to: try context.signedIn.account, in: database)
        switch subject {
        case .region: return region.map(scope.covers) ?? false
        case .unit(let id): return try await scope.contains(unitID: id, in: database)
        }
    }
}
