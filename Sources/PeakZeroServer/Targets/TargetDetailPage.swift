import Accounting
import Charts
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// A target's page: its progress and trajectory, the targets split from it and whether they add up.
extension PageHandlers {
    func targetPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await targetPage(request, context, problem: nil)
    }

    func targetPage(
        _ request: Request, _ context: PeakZeroContext, problem: String?, status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let stored = try? await TargetStore(database).target(id: id)
        else { return notFound(request) }
        let board = governance
        let progress = try await board.progress(of: stored)
        let target = stored.target
        let unit = Self.unitText(target, t)
        let value = { (amount: IndicatorAmount?) in Self.shown(amount, target, t) }
        var facts: [TargetPage.Fact] = [
            .init(label: t[.targetSubject], value: try await subjectName(stored.subject, language)),
            .init(label: t[.targetIndicator], value: target.indicator.name(in: language)),
            .init(label: t[.targetKind], value: kindText(target, t)),
            .init(label: t[.targetYears], value: Self.years(target)),
            .init(
                label: t[.targetJudged],
                value: progress.throughMonth > 0
                    ? String(format: "%04d-%02d", progress.year, progress.throughMonth) : "—"),
            .init(label: t[.targetToDate], value: value(progress.toDate)),
            .init(label: t[.targetExpected], value: value(progress.expectedToDate)),
            .init(label: t[.targetForecast], value: value(progress.forecast)),
            .init(label: t[.targetLimit], value: value(progress.limit)),
            .init(
                label: t[.targetRatio], value: progress.ratio.map { String(format: "%.1f%%", $0 * 100) } ?? "—"),
            .init(label: t[.targetExpectation], value: t.text(forKey: "expectation_\(progress.expectation.rawValue)")),
        ]
        if target.lastYear > target.firstYear {
            facts.append(.init(label: t[.targetPeriodEnd], value: value(progress.periodEndForecast)))
            facts.append(.init(label: t[.targetPeriodEndLimit], value: value(progress.periodEndLimit)))
        }
        let trajectory = try await board.trajectory(of: stored)
        let chart = LineChart(
            id: "trajectory", title: "\(t[.targetTrajectory]) (\(unit))", summary: "\(stored.name) (\(unit))",
            categories: trajectory.map { String($0.year) },
            series: [
                (t[.targetLimit], trajectory.map(\.limit)),
                (t[.targetActual], trajectory.map(\.actual)),
            ],
            // The axis fits the figures, so a gap of a per cent between actual and limit shows.
            fromZero: false, unit: unit,
            // Intensities to four significant digits; amounts (tce, tCO2e) as amounts, never 1e+06.
            format: { target.indicator.isIntensity ? WebNumbers.intensity($0) : WebNumbers.amount($0, language) })
        let (children, tiles) = try await splitChildren(of: stored, board, language, t)
        let result = try await board.check(stored)
        let (check, holds) = (Self.checkFacts(result, target, t), result?.holds)
        let manages = try await TargetStore(database).isVisible(
            stored,
            in: try await AccessScope.granted(RouteChange.setsTargets, to: try context.signedIn.account, in: database))
        var model = TargetPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: stored.name, current: .target,
                sameIn: { _ in .target(id: stored.id) }),
            heading: stored.name, light: progress.light.rawValue,
            lightLabel: t.text(forKey: "light_\(progress.light.rawValue)"), facts: facts,
            reasons: progress.reasons.map { $0.message(language) }, trajectory: chart, children: children,
            hasChildren: !children.isEmpty, check: check, checkHolds: holds == true, checkBroken: holds == false,
            tiles: tiles, hasTiles: !tiles.isEmpty, tileHeight: ((tiles.count + 5) / 6) * 64 + 4,
            splitAction: manages ? SiteURL.splitTarget(id: stored.id).link(language) : nil,
            deleteAction: manages ? SiteURL.deleteTarget(id: stored.id).link(language) : nil,
            methods: [SplitMethod.baseShare, .equalReduction].map {
                RecordForm.Option(value: $0.rawValue, label: t.text(forKey: "split_\($0.rawValue)", else: $0.rawValue), selected: false)
            },
            among: SplitAmong.allCases.map {
                RecordForm.Option(
                    value: $0.rawValue, label: t.text(forKey: "split_among_\($0.rawValue)", else: $0.rawValue), selected: false)
            }, hasAmong: { if case .region = stored.subject { true } else { false } }(), problem: problem)
        if manages { model.manual = try await manualSplitForm(stored, language, t) }
        model.projects = try await targetProjects(stored, progress: progress, context: context, language: language)
        return renderer.response(model, template: "target", status: status)
    }

    /// The targets split from `stored`, worst first, and for a region's split its tile map.
    func splitChildren(
        of stored: StoredTarget, _ board: GovernanceBoard, _ language: Language, _ t: Words
    ) async throws -> (children: [TargetPage.Child], tiles: [TargetPage.Tile]) {
        var judged: [(child: StoredTarget, name: String, progress: TargetProgress)] = []
        var tiles: [TargetPage.Tile] = []
        for (index, child) in try await TargetStore(database).children(of: stored.id).enumerated() {
            let childProgress = try await board.progress(of: child)
            let name = try await subjectName(child.subject, language)
            judged.append((child, name, childProgress))
            let light = childProgress.light.rawValue
            let url = SiteURL.target(id: child.id).link(language)
            if case .region = child.subject {
                // A tile map: the region's cities in code order, six to a row.
                let (column, row) = (index % 6, index / 6)
                tiles.append(
                    .init(
                        x: column * 104 + 2, y: row * 64 + 2, textX: column * 104 + 52, textY: row * 64 + 36,
                        name: name, light: light, title: "\(name): \(t.text(forKey: "light_\(light)"))", url: url))
            }
        }
        // Who is off track first: ranked by forecast ÷ limit, highest (worst) first; unknown last.
        judged.sort { ($0.progress.ratio ?? -1) > ($1.progress.ratio ?? -1) }
        let children = judged.enumerated().map { index, entry in
            TargetPage.Child(
                rank: index + 1, name: entry.name, kind: kindText(entry.child.target, t),
                light: entry.progress.light.rawValue, lightLabel: t.text(forKey: "light_\(entry.progress.light.rawValue)"),
                forecast: Self.shown(entry.progress.forecast, entry.child.target, t),
                limit: Self.shown(entry.progress.limit, entry.child.target, t),
                ratio: entry.progress.ratio.map { String(format: "%.1f%%", $0 * 100) } ?? "—",
                reasons: entry.progress.reasons.map { $0.message(language) }.joined(separator: language.clauseSeparator),
                url: SiteURL.target(id: entry.child.id).link(language))
        }
        return (children, tiles)
    }

    /// What a split's check shows: the parent's limit, the children's combined and the gap.
    static func checkFacts(_ result: SplitCheck?, _ target: Target, _ t: Words) -> [TargetPage.Fact] {
        guard let result else { return [] }
        let checkUnit = target.kind.code == "peak" ? (t[.yearsUnit]) : unitText(target, t)
        func shown(_ v: Double?) -> String {
            guard let v else { return "—" }
            // A peak's check is in years; other checks in the indicator's own measure.
            let number = target.kind.code == "peak" ? String(Int(v.rounded())) : figure(IndicatorAmount(v, of: target.indicator))
            return "\(number) \(checkUnit)"
        }
        return [
            .init(label: t[.splitParent], value: shown(result.parentLimit)),
            .init(label: t[.splitCombined], value: shown(result.childrenCombined)),
            // A gap within rounding of the parent's limit is none (sums in another order differ in the last bits).
            .init(
                label: t[.splitGap],
                value: shown(result.gap.map { abs($0) <= abs(result.parentLimit ?? 0) * 1e-9 ? 0 : $0 })),
        ]
    }

    /// The unit a target's amounts are shown in, in the page's language: a peak's in tonnes of CO2e,
    /// others in their indicator's.
    static func unitText(_ target: Target, _ t: Words) -> String {
        target.kind.code == "peak" ? t[.unitTco2e] : indicatorUnit(target.indicator, t)
    }

    /// An indicator's unit as the page's language writes it (吨二氧化碳当量 / tCO2e).
    static func indicatorUnit(_ indicator: TargetIndicator, _ t: Words) -> String {
        switch indicator {
        case .energyTotal, .coalTotal: t[.unitTce]
        case .carbonTotal: t[.unitTco2e]
        case .energyIntensity: t[.unitTcePer10k]
        case .carbonIntensity: t[.unitTPer10k]
        }
    }

    /// An amount of the target's with its unit, or a dash.
    static func shown(_ amount: IndicatorAmount?, _ target: Target, _ t: Words) -> String {
        amount.map { "\(figure($0)) \(unitText(target, t))" } ?? "—"
    }
}
