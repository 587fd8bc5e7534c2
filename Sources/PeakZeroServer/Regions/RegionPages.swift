import Accounting
import Hummingbird
import Persistence

/// The territorial tree's pages: every province, city and county that has units, and each one's
/// dashboard, rolled up by region-code prefix from the inventories of the groups that own units there.
extension PageHandlers {
    func regions(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        var counts: [String: Int] = [:]
        for entry in try await units.regionCounts() {
            guard let county = RegionPrefix(entry.regionCode), context.readScope.covers(county) else { continue }
            for length in [2, 4, 6] where county.prefix.count >= length {
                counts[String(county.prefix.prefix(length)), default: 0] += entry.units
            }
        }
        let rows = counts.keys.sorted().compactMap { prefix -> RegionList.Row? in
            guard let region = RegionPrefix(prefix) else { return nil }
            return RegionList.Row(
                name: RegionNames.name(of: region, language), code: region.code,
                level: t.text(forKey: "region_\(region.level.rawValue)"), units: counts[prefix] ?? 0,
                url: SiteURL.region(code: region.code, year: nil).link(language), indent: prefix.count / 2 - 1)
        }
        let model = RegionList(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.navRegions], current: .regions,
                sameIn: { _ in .regions }),
            rows: rows, hasRows: !rows.isEmpty)
        return renderer.response(model, template: "regions")
    }

    func region(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let region = RegionPrefix(context.parameters.get("code") ?? "") else { return notFound(request) }
        let language = request.language
        let t = renderer.strings.table(language)
        let codes = try await units.regionCounts().filter { region.contains($0.regionCode) }
        let roots = Set(try await units.roots(in: region))
        let years = Set(try await inventories.list().filter { roots.contains($0.unitId) }.map(\.year))
        // The cities of a province or the counties of a city that have units.
        let childLength = region.prefix.count + 2
        let members = Set(
            codes.compactMap { entry -> String? in
                guard region.prefix.count < 6 else { return nil }
                let child = String(entry.regionCode.prefix(childLength))
                return child.hasSuffix("00") ? nil : RegionPrefix(child)?.code
            }
        ).sorted().compactMap(RegionPrefix.init).map { child in
            DashboardSubject.Member(
                key: child.code, code: child.code, name: RegionNames.name(of: child, language),
                level: t.text(forKey: "region_\(child.level.rawValue)"),
                address: { .region(code: child.code, year: $0) })
        }
        let crumbs = [2, 4].filter { $0 < region.prefix.count }.compactMap {
            RegionPrefix(String(region.prefix.prefix($0)))
        }
        .map { above in
            DashboardSubject.Crumb(
                name: RegionNames.name(of: above, language), address: { .region(code: above.code, year: $0) })
        }
        let code = region.code
        let unitCount = codes.reduce(0) { $0 + $1.units }
        let subject = DashboardSubject(
            rollup: .region(region), heading: RegionNames.name(of: region, language), isOverview: false,
            page: .region, address: { .region(code: code, year: $0) },
            facts: [
                .init(label: t[.code], value: code),
                .init(label: t[.level], value: t.text(forKey: "region_\(region.level.rawValue)")),
                .init(label: t[.unitsCount], value: String(unitCount)),
            ],
            crumbs: [.init(name: t[.navRegions], address: { _ in .regions })] + crumbs, members: members,
            childrenTitle: t[region.level == .province ? .cities : .counties], years: years, lineUnit: nil,
            links: [
                .init(name: t[.unitsInRegion], address: { _ in .units(search: nil, region: code) }),
                .init(name: t[.roadmapTitle], address: { _ in .roadmap(.region(code), scenario: nil) }),
                .init(name: t[.supervisorReportTitle], address: { year in .regionSupervisorReport(code: code, year: year) }),
            ])
        return renderer.response(try await dashboardPage(subject, request: request), template: "dashboard")
    }
}

/// The regions page: every province, city and county with units, as a tree.
struct RegionList: Sendable {
    struct Row: Sendable {
        let name: String
        let code: String
        let level: String
        let units: Int
        let url: String
        let indent: Int
    }

    let layout: PageLayout
    let rows: [Row]
    let hasRows: Bool
}
