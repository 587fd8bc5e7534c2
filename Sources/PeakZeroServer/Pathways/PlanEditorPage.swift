import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// The plan's editor: its JSON, checked whole on saving (every problem by field, nothing kept while
/// there is one), beside rates fitted on the region's statistics that a planner may take as drivers.
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
}

extension PageHandlers {
    func planEditorPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let region = Self.pathwayRegion(context) else { return notFound(request) }
        let stored = try await PathwayPlanStore(database).plan(region: region.code)
        let document = if let stored { stored.document } else { try await starterPlan(region) }
        return try await planEditor(
            request, context, region, document: document, revision: stored?.revision ?? 0, problems: [])
    }

    func savePlanForm(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let region = Self.pathwayRegion(context) else { return notFound(request) }
        // Form-encoded, a plan's JSON takes up to three bytes a character.
        let form = try await FormPost.read(request, limit: 3 * PathwaysAPI.maximumPlanBytes)
        let language = request.language
        let document = form["document"], revision = Int(form["revision"]) ?? 0
        func again(_ problems: [String]) async throws -> Response {
            try await planEditor(
                request, context, region, document: document, revision: revision, problems: problems,
                status: .unprocessableContent)
        }
        let file: PlanFile
        do { file = try PlanFile.decode(Data(document.utf8)) } catch {
            return try await again([language.say(.planUnreadable, ["field": error.field, "reason": error.reason])])
        }
        do {
            try await PathwayPlanStore(database).save(file, region: region.code, revision: revision)
        } catch let problems as ScenarioProblems {
            return try await again(problems.problems.map { $0.text(language) })
        } catch StoreError.conflict {
            let now = try await PathwayPlanStore(database).plan(region: region.code)?.revision ?? 0
            return try await again([language.say(.planStale, ["revision": "\(now)"])])
        }
        return Self.redirect(to: SiteURL.roadmap(code: region.code, scenario: nil).link(language))
    }

    func planEditor(
        _ request: Request, _ context: PeakZeroContext, _ region: RegionPrefix, document: String, revision: Int,
        problems: [String], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let heading = "\(RegionNames.name(of: region, language)) · \(t[.planEditorTitle])"
        let helpers = try await forecastHelpers(region, language, t)
        let model = PlanEditorPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .planEditor,
                sameIn: { _ in .planEditor(code: region.code) }),
            heading: heading, roadmapURL: SiteURL.roadmap(code: region.code, scenario: nil).link(language),
            action: try await plans(region, context) ? SiteURL.planEditor(code: region.code).link(language) : nil,
            document: document, revision: String(revision), problems: problems, hasProblems: !problems.isEmpty,
            helpers: helpers, hasHelpers: !helpers.isEmpty)
        return renderer.response(model, template: "plan-editor", status: status)
    }

    /// A plan to start from: the region's latest statistics year as the base, one baseline to 2060.
    func starterPlan(_ region: RegionPrefix) async throws -> String {
        let history = try await RegionalStatisticsStore(database).history(regionCode: region.code)
        let year = history.years.filter { $0.value.gdp != nil && $0.value.totalEnergy > 0 }.keys.max()
        return """
            {
              "region": "\(region.code)",
              "base_year": \(year.map(String.init) ?? "null"),
              "plateau_tolerance": 0.01,
              "targets": [],
              "scenarios": [
                {"id": "baseline", "name": "基准情景", "horizon": 2060, "gdp_growth": {}, "areas": {}}
              ]
            }
            """
    }

    /// Rates fitted on the statistics' years: compound growth and GM(1,1)'s implied yearly growth
    /// (over the five years after the last) of GDP, each area's value added and its energy intensity.
    func forecastHelpers(_ region: RegionPrefix, _ language: Language, _ t: Words) async throws -> [PlanEditorPage.Helper] {
        let history = try await RegionalStatisticsStore(database).history(regionCode: region.code)
        var series: [(String, [Int: Double])] = [(t[.planEditorGdp], history.years.compactMapValues(\.gdp))]
        for area in PlanningArea.allCases {
            let added = history.years.compactMapValues { $0.valueAdded[area] }
            let energy = history.years.compactMapValues { year in
                year.energy[area].map { $0.values.reduce(0, +) }
            }
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
