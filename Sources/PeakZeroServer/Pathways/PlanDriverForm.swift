import Accounting
import Foundation
import Hummingbird
import Pathways
import Persistence

/// The plan editor's form for one driver (a scenario's yearly rate, by area), and the table of the
/// drivers each scenario sets itself: the scenario editor for those who would rather not write JSON.
struct PlanDriverSection: Sendable {
    struct Row: Sendable {
        let scenario: String
        let area: String
        let driver: String
        let values: String
    }

    let action: String?
    let scenarioOptions: [RecordForm.Option]
    let areaOptions: [RecordForm.Option]
    let driverOptions: [RecordForm.Option]
    let yearText: String
    let valueText: String
    let rows: [Row]
    let hasRows: Bool

    /// The form's choice of area for GDP growth.
    static let economy = "economy"

    /// The section for a stored plan (`file`), the form filled with what was posted (`values`).
    init(file: PlanFile?, action: String?, values: [String: String], language: Language, t: Words) {
        self.action = file == nil ? nil : action
        let chosenScenario = values["scenario"] ?? file?.scenarios.first?.id
        scenarioOptions = (file?.scenarios ?? []).map {
            .init(value: $0.id, label: $0.name.isEmpty ? $0.id : $0.name, selected: $0.id == chosenScenario)
        }
        let chosenArea = values["area"] ?? PlanningArea.industry.rawValue
        areaOptions = [.init(value: Self.economy, label: t.text(forKey: "plan_driver_economy"), selected: chosenArea == Self.economy)]
            + PlanningArea.allCases.map {
                .init(value: $0.rawValue, label: $0.name(language), selected: $0.rawValue == chosenArea)
            }
        let chosenDriver = values["driver"] ?? PlanDriverEdit.Driver.intensityChange.rawValue
        driverOptions = PlanDriverEdit.Driver.allCases.map {
            .init(value: $0.rawValue, label: Self.name($0, t), selected: $0.rawValue == chosenDriver)
        }
        yearText = values["year"] ?? ""
        valueText = values["value"] ?? ""
        var rows: [Row] = []
        for scenario in file?.scenarios ?? [] {
            let name = scenario.name.isEmpty ? scenario.id : scenario.name
            if !scenario.gdpGrowth.isEmpty {
                rows.append(
                    .init(
                        scenario: name, area: t.text(forKey: "plan_driver_economy"), driver: Self.name(.gdpGrowth, t),
                        values: Self.text(scenario.gdpGrowth)))
            }
            for area in scenario.areas.keys.sorted() {
                let drivers = scenario.areas[area]!
                let paths: [(PlanDriverEdit.Driver, YearPath)] = [
                    (.activityGrowth, drivers.activityGrowth), (.activityElasticity, drivers.activityElasticity),
                    (.intensityChange, drivers.intensityChange),
                ]
                for (driver, path) in paths where !path.isEmpty {
                    rows.append(
                        .init(scenario: name, area: area.name(language), driver: Self.name(driver, t), values: Self.text(path)))
                }
            }
        }
        self.rows = rows
        hasRows = !rows.isEmpty
    }

    static func name(_ driver: PlanDriverEdit.Driver, _ t: Words) -> String {
        t.text(forKey: "driver_\(driver.rawValue)", else: driver.rawValue)
    }

    /// "2025: 0.05; 2031: 0.045", as the plan holds them.
    static func text(_ path: YearPath) -> String {
        path.years.map { "\($0): \(path.points[$0]!)" }.joined(separator: "; ")
    }
}

extension PageHandlers {
    /// Sets (or, without a value, removes) one driver of the stored plan and saves it, checked whole
    /// like any save; a problem shows the editor again with the form as posted.
    func setPlanDriver(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        guard let place = try await PlanPlace.find(context, language, in: database) else { return notFound(request) }
        let t = renderer.strings.table(language)
        let form = try await FormPost.read(request)
        let values = form.fields.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let store = PathwayPlanStore(database)
        let stored = try await store.plan(place.subject)
        func again(_ problems: [String]) async throws -> Response {
            try await planEditor(
                request, context, place, stored: stored, problems: problems, status: .unprocessableContent,
                driverValues: values)
        }
        guard let stored else { return try await again([t.text(forKey: "plan_driver_no_plan")]) }
        var problems: [String] = []
        let driver = PlanDriverEdit.Driver(rawValue: values["driver"] ?? "")
        if driver == nil { problems.append("\(t.text(forKey: "plan_driver_driver"))：\(t[.reviewRequired])") }
        let areaText = values["area"] ?? ""
        let area = PlanningArea(rawValue: areaText)
        if area == nil && areaText != PlanDriverSection.economy {
            problems.append("\(t.text(forKey: "plan_driver_area"))：\(t.format(.reviewUnknownArea, ["text": areaText]))")
        }
        let yearText = values["year"] ?? ""
        let year = Int(yearText)
        if year == nil {
            problems.append("\(t.text(forKey: "plan_driver_year"))：\(t.format(.reviewNotANumber, ["text": yearText]))")
        }
        let valueText = (values["value"] ?? "").replacingOccurrences(of: ",", with: "")
        let value = Double(valueText)
        if !valueText.isEmpty && !(value?.isFinite ?? false) {
            problems.append("\(t.text(forKey: "plan_driver_value"))：\(t.format(.reviewNotANumber, ["text": valueText]))")
        }
        guard problems.isEmpty, let driver, let year else { return try await again(problems) }
        let edit = PlanDriverEdit(
            scenario: values["scenario"] ?? "", area: area, driver: driver, year: year, value: valueText.isEmpty ? nil : value)
        let file: PlanFile
        let current = try stored.file()
        do throws(PlanDriverEdit.Problem) { file = try edit.applied(to: current) } catch {
            return try await again([
                error == .unknownScenario
                    ? t.text(forKey: "plan_driver_unknown_scenario").replacingOccurrences(of: "{scenario}", with: edit.scenario)
                    : t.text(forKey: "plan_driver_area_mismatch")
            ])
        }
        do {
            try await store.save(file, for: place.subject, revision: Int(values["revision"] ?? "") ?? stored.revision)
        } catch let problems as ScenarioProblems {
            return try await again(problems.problems.map { $0.text(language) })
        } catch StoreError.conflict {
            let now = try await store.plan(place.subject)?.revision ?? 0
            return try await again([language.say(.planStale, ["revision": "\(now)"])])
        }
        return Self.redirect(to: SiteURL.planEditor(place.subject).link(language))
    }
}
