import Accounting
import Charts
import Governance
import Hummingbird
import Intake
import Persistence

/// What a dashboard page shows the figures of — a unit with the units below it, or a region with
/// its cities or counties — and how its page and its members are addressed in a given year.
struct DashboardSubject: Sendable {
    /// A unit or region below, keyed as the roll-up's `byChild` keys it.
    struct Member: Sendable {
        let key: String
        let code: String
        let name: String
        let level: String
        let address: @Sendable (Int?) -> SiteURL
    }

    struct Crumb: Sendable {
        let name: String
        let address: @Sendable (Int?) -> SiteURL
    }

    let rollup: RollupSubject
    let heading: String
    let isOverview: Bool
    let page: SitePage
    let address: @Sendable (Int?) -> SiteURL
    let facts: [DashboardPage.Fact]
    let crumbs: [Crumb]
    let members: [Member]
    let childrenTitle: String
    /// The years some stored inventory covers.
    let years: Set<Int>
    /// The unit whose inventory lines the basis links should show (nil: the whole inventory).
    let lineUnit: Int64?
    /// Further pages about the same subject (its records, its region, its units).
    let links: [Crumb]
}

extension PageHandlers {
    /// The year the request asks for, else the latest with figures, else last year.
    func year(_ request: Request, computed: Set<Int>) -> (year: Int, asked: Int?) {
        let asked = request.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        return (asked ?? computed.max() ?? (clock.year - 1), asked)
    }

    /// The page of a subject for the year asked: its roll-up and last year's, the dashboard, the
    /// table of members and the inventories behind the figures.
    func dashboardPage(
        _ subject: DashboardSubject, request: Request, coverage: (Int) async throws -> CoverageGrid? = { _ in nil }
    ) async throws -> DashboardPage {
        let language = request.language
        let t = renderer.strings.table(language)
        let (year, asked) = year(request, computed: subject.years)
        let current = subject.years.contains(year) ? try await rollups.rollup(subject.rollup, year: year) : nil
        let previous = subject.years.contains(year - 1) ? try await rollups.rollup(subject.rollup, year: year - 1) : nil
        var dashboard = Dashboard(
            current: current, year: year, previous: previous,
            children: subject.members.map {
                Dashboard.Child(key: $0.key, name: $0.name, url: $0.address(year).link(language))
            }, method: .location, strings: renderer.strings, language: language)
        let figures = Dictionary(
            (current?.byChild ?? []).map { ($0.key, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let before = Dictionary(
            (previous?.byChild ?? []).map { ($0.key, $0.figures) }, uniquingKeysWith: { first, _ in first })
        let rows = subject.members.map { member -> DashboardPage.ChildRow in
            let now = figures[member.key]
            let emissions = now?.emissions(.location).value(in: .tonneCO2e)
            let energy = now?.energyCalorific.value(in: .tonneCoalEquivalent)
            let change = Accounting.yearOnYear(
                emissions, before[member.key]?.emissions(.location).value(in: .tonneCO2e))
            return DashboardPage.ChildRow(
                code: member.code, name: member.name, url: member.address(year).link(language), level: member.level,
                emissions: emissions.map { WebNumbers.amount($0, language) } ?? "—",
                emissionsSort: emissions.map { String($0) } ?? "",
                energy: energy.map { WebNumbers.amount($0, language) } ?? "—",
                energySort: energy.map { String($0) } ?? "", change: change.map(WebNumbers.change) ?? "—")
        }
        let basis = (current?.inventories ?? []).map { inventory in
            DashboardPage.Basis(
                label: (t[.basisLabel])
                    .replacingOccurrences(of: "{id}", with: String(inventory.id))
                    .replacingOccurrences(of: "{version}", with: String(inventory.version))
                    .replacingOccurrences(of: "{computed}", with: String(BeijingTime.show(inventory.computedAt).prefix(10))),
                url: SiteURL.inventory(id: inventory.id, unit: subject.lineUnit, page: nil).link(language),
                stale: inventory.stale)
        }
        var notes: [String] = []
        if let uncovered = current?.uncoveredRoots, !uncovered.isEmpty {
            var names: [String] = []
            for id in uncovered.prefix(10) { names.append((try? await units.unit(id: id).name) ?? String(id)) }
            notes.append(
                (t[.uncoveredNote]).replacingOccurrences(of: "{count}", with: String(uncovered.count))
                    + names.joined(separator: language.listSeparator))
        }
        var unapproved = current?.inventories.compactMap(\.unapprovedRecords).reduce(0, +) ?? 0
        // An inventory of a unit above counts its whole tree; the page counts the unit shown.
        if case .unit(let id, _) = subject.rollup, let current, !current.inventories.contains(where: { $0.unitId == id }) {
            unapproved = try await ReviewStore(database).unapprovedRecords(under: id, year: year)
        }
        if unapproved > 0 {
            notes.append((t[.unapprovedNote]).replacingOccurrences(of: "{count}", with: String(unapproved)))
        }
        let targetSubject: TargetSubject =
            switch subject.rollup {
            case .unit(let id, _): .unit(id)
            case .region(let region): .region(region)
            }
        let (scope, writeScope) = try await signedInScopes()
        let targets = try await cardTargets(targetSubject, year: year, scope: scope, language)
        for (index, indicator) in TargetIndicator.ranked.enumerated() where index < dashboard.cards.count {
            dashboard.cards[index].target = targets[indicator]
        }
        // Every target of the scope judged once: for the lagging list and the overview's warning count.
        let warnings = try await governance.warnings(scope: scope, today: clock.today)
        let lagging = Array(try await self.lagging(under: targetSubject, among: warnings, language).prefix(8))
        var links = subject.links
        if subject.isOverview {
            links.append(.init(name: "\(t[.warningsTitle]) \(warnings.count)", address: { _ in SiteURL.warnings }))
        }
        let tileMap =
            if case .region = subject.rollup, !subject.members.isEmpty {
                try await regionTiles(subject.members, figures: figures, year: year, scope: scope, language)
            } else { TileMap?.none }
        // A unit's records without a current inventory of the year: one click computes it.
        var compute: DashboardPage.Compute?
        if case .unit(let id, _) = subject.rollup, current == nil || dashboard.stale,
            try await writeScope.contains(unitID: id, in: database),
            try await current != nil ? true : !activity.reportedPeriods(under: id, year: year).isEmpty
        {
            compute = .init(
                note: current == nil ? t[.computeNoInventory] : t[.computeStale],
                action: SiteURL.computeInventory(unit: id).link(language), year: year, label: t[.computeInventory])
        }
        let overview = subject.isOverview
        var layout = PageLayout(
            strings: renderer.strings, language: language,
            title: overview ? "\(t[.overviewTitle]) · \(subject.heading)" : subject.heading,
            current: subject.page, sameIn: { _ in subject.address(asked) })
        // The figures are as of the latest computation of the inventories they rest on.
        layout.dataAsOf = current?.inventories.map { String(BeijingTime.show($0.computedAt).prefix(10)) }.max()
        return DashboardPage(
            layout: layout,
            heading: subject.heading, isOverview: overview, facts: subject.facts,
            crumbs: subject.crumbs.map { .init(name: $0.name, url: $0.address(year).link(language)) },
            formAction: subject.address(nil).path, lang: language.rawValue, year: year,
            years: subject.years.union([year]).sorted(by: >).map { .init(value: $0, selected: $0 == year) },
            dashboard: dashboard, children: rows, hasChildren: !rows.isEmpty, childrenTitle: subject.childrenTitle,
            basis: basis, hasBasis: !basis.isEmpty, notes: notes, coverage: try await coverage(year),
            links: links.map { .init(name: $0.name, url: $0.address(year).link(language)) },
            lagging: lagging, hasLagging: !lagging.isEmpty, warningsURL: SiteURL.warnings.link(language),
            compute: compute, tileMap: tileMap)
    }

    /// A region's cities (or a city's counties) as tiles in their geographic arrangement, each with
    /// its carbon intensity and coloured by the light of its own target on it (or any target).
    func regionTiles(
        _ members: [DashboardSubject.Member], figures: [String: IndicatorFigures], year: Int, scope: AccessScope,
        _ language: Language
    ) async throws -> TileMap {
        let t = renderer.strings.table(language)
        var places: [TileMap.Place] = []
        for member in members {
            var light = TrafficLight.unknown
            if let region = RegionPrefix(member.key) {
                let targets = try await TargetStore(database).list(scope: scope, subject: .region(region))
                if let target = targets.first(where: { $0.target.indicator == .carbonIntensity }) ?? targets.first {
                    light = try await governance.progress(of: target).light
                }
            }
            let intensity = figures[member.key]?.carbonIntensity(per: .outputValue, method: .location)?.value
            let position = AdministrativeDivisions.bundled.position(of: member.key)
            places.append(
                TileMap.Place(
                    label: member.name, detail: intensity.map(WebNumbers.intensity) ?? "—",
                    style: "light-\(light.rawValue)", url: member.address(year).link(language),
                    longitude: position?.longitude, latitude: position?.latitude))
        }
        return TileMap(title: "\(t[.tileMapTitle]) (\(t[.unitTPer10k]))", places: places)
    }

    /// What the signed-in account may read, and whose data it may change (nothing when no one is
    /// signed in): worked out once per page.
    func signedInScopes() async throws -> (read: AccessScope, write: AccessScope) {
        guard let account = Identity.current?.account else { return (.nothing, .nothing) }
        return try await AccessScope.readAndWrite(of: account, changing: RouteChange.changesData, in: database)
    }
}
