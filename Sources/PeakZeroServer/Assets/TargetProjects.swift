import Accounting
import Assets
import Governance
import Hummingbird
import Persistence

/// The projects linked to a target, on the target's page: what they save by the target's last year
/// against how far the forecast stands above the limit.
struct TargetProjects: Sendable {
    struct Row: Sendable {
        let code: String
        let name: String
        let url: String
        let firstYear: Int
        let saving: String
        let counted: Bool
    }

    let rows: [Row]
    let summary: String
}

extension PageHandlers {
    /// Nil when no project the reader may see is linked to the target.
    func targetProjects(
        _ stored: StoredTarget, progress: TargetProgress, context: PeakZeroContext, language: Language
    ) async throws -> TargetProjects? {
        let t = renderer.strings.table(language)
        var linked: [StoredProject] = []
        for project in try await ProjectStore(database).linked(toTarget: stored.id)
        where try await context.readScope.contains(unitID: project.unitId, in: database) {
            linked.append(project)
        }
        guard !linked.isEmpty else { return nil }
        let target = stored.target
        let figures = try await ProjectFigures.load(linked, in: database, rate: ProjectCashFlows.defaultDiscountRate, method: target.basis.carbonMethod)
        // A project's yearly saving in the target's own measure; none for an intensity or coal target.
        func saving(_ a: ProjectAssessment?) -> (value: Double, unit: String)? {
            guard let a else { return nil }
            switch target.indicator {
            case .carbonTotal: return (a.counted.avoided(target.basis.carbonMethod).value(in: .tonneCO2e), "tCO2e")
            case .energyTotal:
                let energy = target.basis.energyBasis == .calorific ? a.counted.energyCalorific : a.counted.energyEquivalent
                return (energy.value(in: .tonneCoalEquivalent), "tce")
            default: return nil
            }
        }
        let year = target.lastYear
        let rows = figures.map { f in
            TargetProjects.Row(
                code: f.stored.code, name: f.stored.name, url: SiteURL.project(id: f.stored.id).link(language),
                firstYear: f.stored.firstYear,
                saving: saving(f.assessment).map { "\(WebNumbers.amount($0.value, language)) \($0.unit)" } ?? "—",
                counted: f.stored.firstYear <= year)
        }
        let forecast = (target.lastYear > target.firstYear ? progress.periodEndForecast : progress.forecast)?.value
        let limit = (target.lastYear > target.firstYear ? progress.periodEndLimit : progress.limit)?.value
        let unit = target.indicator == .carbonTotal ? "tCO2e" : "tce"
        var summary = t.text(forKey: "target_projects_not_comparable")
        if let forecast, let limit, saving(figures.first?.assessment) != nil || figures.allSatisfy({ $0.assessment == nil }) {
            let coverage = GapCoverage(
                forecast: forecast, limit: limit, year: year,
                projects: figures.map { ($0.stored.code, $0.stored.firstYear, saving($0.assessment)?.value ?? 0) })
            func amount(_ v: Double) -> String { "\(WebNumbers.amount(v, language)) \(unit)" }
            summary = t.text(forKey: coverage.closedShare == nil ? "target_projects_on_course" : "target_projects_gap")
                .replacingOccurrences(of: "{year}", with: String(year))
                .replacingOccurrences(of: "{saved}", with: amount(coverage.saved))
                .replacingOccurrences(of: "{gap}", with: amount(coverage.gap))
                .replacingOccurrences(of: "{share}", with: WebNumbers.change(coverage.closedShare ?? 0).replacingOccurrences(of: "+", with: ""))
                .replacingOccurrences(of: "{remaining}", with: amount(coverage.remaining))
        }
        return TargetProjects(rows: rows, summary: summary)
    }
}
