import Accounting
import Hummingbird
import Intake
import Pathways
import Persistence

/// A region's or unit's roadmap on the web (达峰路线图): the stored plan run, with the history.
extension PageHandlers {
    func roadmapPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let place = try await PlanPlace.find(context, language, in: database) else { return notFound(request) }
        let t = renderer.strings.table(language)
        let subject = place.subject
        let stored = try await PathwayPlanStore(database).plan(subject)
        var history = HistoryFigures.none
        var roadmap: Roadmap?
        var problem: String?
        do {
            switch subject {
            case .region(let code):
                // The statistics are read once, for the history's figures and for the plan's base year and targets.
                let statistics = try await RegionalStatisticsStore(database).history(regionCode: code)
                history = try HistoryFigures(statistics)
                if let stored {
                    roadmap = try await RegionalStatisticsStore(database)
                        .check(try stored.file(), savedFor: code, history: statistics).roadmap()
                }
            case .unit(let id):
                history = try await unitHistoryFigures(id)
                if let stored { roadmap = try await PathwayPlanStore(database).check(try stored.file(), for: subject).roadmap() }
            }
        } catch let problems as ScenarioProblems { problem = t[.roadmapCannotRun] + problems.text(language) }
        let shownID = request.uri.queryParameters.get("scenario").map { String($0) } ?? roadmap?.baseline
        let shown = roadmap?.scenario(shownID ?? "") ?? roadmap?.scenarios.first
        let charts = RoadmapCharts(roadmap: roadmap, history: history, language: language, t: t)
        let name = place.name
        let heading = "\(name) · \(t[.roadmapTitle])"
        var facts: [RoadmapPage.Fact] = []
        if let stored, let roadmap {
            facts = [
                .init(label: t[.roadmapRevision], value: String(stored.revision)),
                .init(label: t[.roadmapSavedBy], value: ActorName.shown(stored.updatedBy, t)),
                .init(label: t[.roadmapSavedAt], value: BeijingTime.show(stored.updatedAt)),
                .init(label: t[.roadmapBaseYear], value: String(roadmap.baseYear)),
                .init(label: t[.roadmapTolerance], value: WebNumbers.change(roadmap.plateauTolerance).replacingOccurrences(of: "+", with: "")),
            ]
        }
        let cities = try await place.region.asyncMap { try await cityRows($0, language, t) } ?? []
        let model = RoadmapPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: place.current(.roadmap),
                sameIn: { _ in .roadmap(subject, scenario: shown?.id) }),
            heading: heading, crumbs: [place.listCrumb(language, t), .init(label: name, value: place.page.link(language))],
            facts: facts, hasPlan: roadmap != nil, problem: problem,
            editURL: try await place.isPlanned(by: context, in: database) ? SiteURL.planEditor(subject).link(language) : nil,
            reviewsURL: SiteURL.projectReviews(subject).link(language),
            exportURL: roadmap == nil ? nil : SiteURL.roadmapExport(subject).link(language),
            cards: (roadmap?.scenarios ?? []).map { scenario in
                RoadmapPage.Card(
                    name: scenario.name, id: scenario.id, peak: Self.peakText(scenario.peak, language, t),
                    peaked: scenario.peak?.status == "peaked",
                    targetsMet: "\(scenario.targets.filter(\.met).count)/\(scenario.targets.count)",
                    url: SiteURL.roadmap(subject, scenario: scenario.id).link(language),
                    selected: scenario.id == shown?.id)
            },
            co2Chart: charts.trajectories(
                id: "co2", title: t[.roadmapCo2Chart], history: history.co2, value: \.co2T, caps: [.carbonTotal],
                unit: t[.unitTco2e]),
            energyChart: charts.trajectories(
                id: "energy", title: t[.roadmapEnergyChart], history: history.energy, value: \.energyTce,
                caps: [.energyTotal], unit: t[.unitTce]),
            areasChart: shown.map(charts.areas), againstBaseline: shown.flatMap(charts.againstBaseline),
            historyWaterfall: charts.historyWaterfall(), scenarioNames: roadmap?.scenarios.map(\.name) ?? [],
            targetRows: Self.targetRows(roadmap, language, t), hasTargets: !(roadmap?.scenarios.first?.targets.isEmpty ?? true),
            cities: cities, hasCities: !cities.isEmpty)
        return renderer.response(model, template: "roadmap")
    }

    static func peakText(_ peak: Roadmap.PeakFigures?, _ language: Language, _ t: Words) -> String {
        switch (peak?.status, peak?.year) {
        case ("peaked", let year?):
            t.format(.peakPeaked, ["year": "\(year)", "value": WebNumbers.amount(peak?.valueT ?? 0, language)])
        case ("plateau_at_horizon", let year?): t.format(.peakPlateau, ["year": "\(year)"])
        default: t[.peakRising]
        }
    }

    /// A row per target: its limit, and each scenario's value in the target's year, met or missed.
    static func targetRows(_ roadmap: Roadmap?, _ language: Language, _ t: Words) -> [RoadmapPage.TargetRow] {
        guard let roadmap, let first = roadmap.scenarios.first else { return [] }
        return first.targets.indices.map { index in
            let target = first.targets[index]
            func shown(_ value: Double?) -> String { targetFigure(value, target.indicator, language) }
            return RoadmapPage.TargetRow(
                name: PlanTarget.label(name: target.name, indicator: target.indicator, year: target.year, language), limit: shown(target.limit),
                cells: roadmap.scenarios.map { scenario in
                    let standing = scenario.targets[index]
                    return .init(
                        value: shown(standing.value), met: standing.met,
                        verdict: standing.met ? t[.roadmapMet] : t[.roadmapMissed])
                })
        }
    }

    /// The cities of a province (or counties of a city) with a saved plan, each with its
    /// scenarios' peaks; a plan that cannot run shows why.
    func cityRows(_ region: RegionPrefix, _ language: Language, _ t: Words) async throws -> [RoadmapPage.CityRow] {
        guard region.prefix.count < 6 else { return [] }
        let childLength = region.prefix.count + 2
        var rows: [RoadmapPage.CityRow] = []
        for plan in try await PathwayPlanStore(database).regionPlans() {
            guard let code = plan.subject.regionCode, code.hasPrefix(region.prefix), code != region.code,
                let child = RegionPrefix(String(code.prefix(childLength))), child.code == code
            else { continue }
            let peaks: String
            if let summary = plan.summary {
                peaks = summary.scenarios.map { scenario in
                    "\(scenario.name)：\(Self.peakText(scenario.peak.map(Roadmap.PeakFigures.init), language, t))"
                }.joined(separator: language.clauseSeparator)
            } else {
                // It ran when saved and no longer does: say why.
                do {
                    _ = try await PathwayPlanStore(database).check(try plan.file(), for: plan.subject)
                    peaks = "—"
                } catch let problems as ScenarioProblems { peaks = t[.roadmapCannotRun] + problems.text(language) }
            }
            rows.append(
                .init(
                    name: RegionNames.name(of: child, language), code: child.code,
                    url: SiteURL.roadmap(.region(child.code), scenario: nil).link(language), revision: plan.revision,
                    peaks: peaks))
        }
        return rows
    }
}

extension PageHandlers {
    /// The roadmap as a workbook: scenarios, years, targets, effects against the baseline.
    func roadmapExport(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let place = try await PlanPlace.find(context, request.language, in: database),
            let stored = try await PathwayPlanStore(database).plan(place.subject),
            let checked = try? await PathwayPlanStore(database).check(try stored.file(), for: place.subject)
        else { return notFound(request) }
        let tables = Exports.roadmap(checked.roadmap(), language: request.language)
        let name = place.subject.regionCode ?? "unit-\(place.subject.unitID ?? 0)"
        return IntakeAPI.file(
            try Exports.data(tables, format: .xlsx), name: "roadmap-\(name)-r\(stored.revision).xlsx", format: .xlsx)
    }
}
