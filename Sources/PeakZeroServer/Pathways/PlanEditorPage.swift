import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// The plan's editor: its JSON, checked whole on saving (every problem by field, nothing kept while
/// there is one), beside rates fitted on the region's statistics (or the unit's inventories) that a
/// planner may take as drivers.
struct PlanEditorPage: Sendable {
    struct Helper: Sendable {
        let what: String
        let years: String
        let growth: String
        let greyModel: String
    }

    let layout: PageLayout
    let heading: String
    let roadmapURL: String
    let action: String?
    let document: String
    let revision: String
    let problems: [String]
    let hasProblems: Bool
    let helpers: [Helper]
    let hasHelpers: Bool
    let drivers: PlanDriverSection
}

extension PageHandlers {
    func planEditorPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let place = try await PlanPlace.find(context, request.language, in: database) else { return notFound(request) }
        return try await planEditor(
            request, context, place, stored: try await PathwayPlanStore(database).plan(place.subject), problems: [])
    }

    func savePlanForm(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let place = try await PlanPlace.find(context, request.language, in: database) else { return notFound(request) }
        // Form-encoded, a plan's JSON takes up to three bytes a character.
        let form = try await FormPost.read(request, limit: 3 * PathwaysAPI.maximumPlanBytes)
        let language = request.language
        let document = form["document"], revision = Int(form["revision"]) ?? 0
        func again(_ problems: [String]) async throws -> Response {
            try await planEditor(
                request, context, place, stored: try await PathwayPlanStore(database).plan(place.subject),
                posted: (document, revision), problems: problems, status: .unprocessableContent)
        }
        let file: PlanFile
        do { file = try PlanFile.decode(Data(document.utf8)) } catch {
            return try await again([language.say(.planUnreadable, ["field": error.field, "reason": error.reason])])
        }
        do {
            try await PathwayPlanStore(database).save(file, for: place.subject, revision: revision)
        } catch let problems as ScenarioProblems {
            return try await again(problems.problems.map { $0.text(language) })
        } catch StoreError.conflict {
            let now = try await PathwayPlanStore(database).plan(place.subject)?.revision ?? 0
            return try await again([language.say(.planStale, ["revision": "\(now)"])])
        }
        return Self.redirect(to: SiteURL.roadmap(place.subject, scenario: nil).link(language))
    }

    /// The editor: the stored plan's JSON (or, shown again after a problem, what was posted; or a
    /// plan to start from when none is stored), the driver form on the stored plan, the helpers.
    func planEditor(
        _ request: Request, _ context: PeakZeroContext, _ place: PlanPlace, stored: StoredPlan?,
        posted: (document: String, revision: Int)? = nil, problems: [String], status: HTTPResponse.Status = .ok,
        driverValues: [String: String] = [:]
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let heading = "\(place.name) · \(t[.planEditorTitle])"
        let series = try await helperSeries(place.subject)
        let helpers = Self.forecastHelpers(series, language, t)
        let planned = try await place.isPlanned(by: context, in: database)
        let document = posted?.document ?? stored?.document ?? Self.starterPlan(place.subject, series)
        let revision = posted?.revision ?? stored?.revision ?? 0
        // A stored plan was checked when it was kept; one that no longer reads offers no driver form.
        let file = try? stored?.file()
        let model = PlanEditorPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: place.current(.planEditor),
                sameIn: { _ in .planEditor(place.subject) }),
            heading: heading, roadmapURL: SiteURL.roadmap(place.subject, scenario: nil).link(language),
            action: planned ? SiteURL.planEditor(place.subject).link(language) : nil,
            document: document, revision: String(revision), problems: problems, hasProblems: !problems.isEmpty,
            helpers: helpers, hasHelpers: !helpers.isEmpty,
            drivers: PlanDriverSection(
                file: file, action: planned ? SiteURL.planDriver(place.subject).link(language) : nil,
                values: driverValues, language: language, t: t))
        return renderer.response(model, template: "plan-editor", status: status)
    }

    /// A plan to start from: the latest year of the region's statistics (or the unit's
    /// inventories) as the base, one baseline to 2060.
    static func starterPlan(_ subject: PlanSubject, _ series: HelperSeries) -> String {
        let year = series.gdp.keys.filter { (series.energy[$0] ?? 0) > 0 }.max()
        let region = subject.regionCode.map { "\n  \"region\": \"\($0)\"," } ?? ""
        return """
            {\(region)
              "base_year": \(year.map(String.init) ?? "null"),
              "plateau_tolerance": 0.01,
              "targets": [],
              "scenarios": [
                {"id": "baseline", "name": "基准情景", "horizon": 2060, "gdp_growth": {}, "areas": {}}
              ]
            }
            """
    }

    /// The series a plan's drivers are fitted on: GDP (a unit's value added, else output value),
    /// total energy, and each area's activity and energy by year.
    struct HelperSeries {
        var gdp: [Int: Double] = [:]
        var energy: [Int: Double] = [:]
        var activity: [PlanningArea: [Int: Double]] = [:]
        var areaEnergy: [PlanningArea: [Int: Double]] = [:]
    }

    func helperSeries(_ subject: PlanSubject) async throws -> HelperSeries {
        var series = HelperSeries()
        switch subject {
        case .region(let code):
            let history = try await RegionalStatisticsStore(database).history(regionCode: code)
            series.gdp = history.years.compactMapValues(\.gdp)
            series.energy = history.years.mapValues(\.totalEnergy)
            for area in PlanningArea.allCases {
                series.activity[area] = history.years.compactMapValues { $0.valueAdded[area] }
                series.areaEnergy[area] = history.years.compactMapValues { year in year.energy[area].map { $0.values.reduce(0, +) } }
            }
        case .unit(let id):
            // Years whose energy cannot be placed in areas give no series (the roadmap page says why).
            let years: [Int: UnitPlanBase.Year]
            do { years = try await UnitHistoryStore(database).energyHistory(unitID: id) } catch is ScenarioProblems {
                years = [:]
            }
            for (year, figures) in years {
                let economy = figures.economy.values
                let added = economy.compactMap(\.valueAdded).reduce(0, +)
                let output = economy.compactMap(\.outputValue).reduce(0, +)
                if added > 0 || output > 0 { series.gdp[year] = added > 0 ? added : output }
                series.energy[year] = figures.energy
                for (area, economy) in figures.economy {
                    if let activity = economy.valueAdded ?? economy.outputValue { series.activity[area, default: [:]][year] = activity }
                }
                for cell in figures.cells { series.areaEnergy[cell.area, default: [:]][year, default: 0] += cell.energy }
            }
        }
        return series
    }

    /// Rates fitted on the history's years: compound growth and GM(1,1)'s implied yearly growth
    /// (over the five years after the last) of GDP, each area's activity and its energy intensity.
    static func forecastHelpers(_ history: HelperSeries, _ language: Language, _ t: Words) -> [PlanEditorPage.Helper] {
        var series: [(String, [Int: Double])] = [(t[.planEditorGdp], history.gdp)]
        for area in PlanningArea.allCases {
            let added = history.activity[area] ?? [:]
            let energy = history.areaEnergy[area] ?? [:]
            let intensity = added.reduce(into: [Int: Double]()) { result, entry in
                if let used = energy[entry.key], entry.value > 0 { result[entry.key] = used / entry.value }
            }
            series.append(("\(area.name(language)) · \(t[.reviewValueAdded])", added))
            series.append(("\(area.name(language)) · \(t[.reviewEnergyIntensity])", intensity))
        }
        return series.compactMap { name, values -> PlanEditorPage.Helper? in
            let years = values.keys.sorted()
            guard let first = years.first, let last = years.last, last > first, years.count == last - first + 1,
                let growth = try? Forecast.compoundGrowth(values, base: first...last, horizon: last + 5)
            else { return nil }
            let grey = (try? Forecast.greyModel(values, base: first...last, horizon: last + 5)).map { model in
                Self.rateText(pow(model.values[last + 5]! / values[last]!, 0.2) - 1)
            }
            return .init(
                what: name, years: "\(first)–\(last)", growth: Self.rateText(growth.parameters["rate"]!),
                greyModel: grey ?? "—")
        }
    }

    /// A yearly rate as a plan takes it, with its per cent: "0.0512 (+5.12%)".
    static func rateText(_ rate: Double) -> String {
        String(format: "%.4f (%@%.2f%%)", rate, rate < 0 ? "−" : "+", abs(rate) * 100)
    }
}
