import Accounting
import Charts
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// Rankings and carbon-efficiency grades on the web.
extension PageHandlers {
    /// The unit or region a supervision page asks about: `unit` or `region` in the query, else the
    /// top of the account's subtree. Nil when the account may not see it.
    func askedSubject(_ request: Request, _ context: PeakZeroContext) async throws -> TargetSubject? {
        let query = request.uri.queryParameters
        if let code = query.get("region"), !code.isEmpty {
            guard let region = RegionPrefix(String(code)), context.readScope.covers(region) else { return nil }
            return .region(region)
        }
        if let id = query.get("unit").flatMap({ Int64(String($0)) }) {
            return try await context.readScope.contains(unitID: id, in: database) ? .unit(id) : nil
        }
        return try await units.list(scope: context.readScope).first.map { .unit($0.id) }
    }

    func yearOptions(_ year: Int) -> [RecordForm.Option] {
        let thisYear = clock.year
        return Set(thisYear - 6...thisYear).union([year]).sorted(by: >).map {
            RecordForm.Option(value: String($0), label: String($0), selected: $0 == year)
        }
    }

    func rankingsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let subject = try await askedSubject(request, context) else { return notFound(request) }
        let query = request.uri.queryParameters
        let indicator = query.get("indicator").flatMap { TargetIndicator(rawValue: String($0)) }
            .flatMap { TargetIndicator.ranked.contains($0) ? $0 : nil } ?? .carbonIntensity
        let measure = query.get("by").flatMap { RankingMeasure(rawValue: String($0)) } ?? .value
        let board = governance
        let latest = try await board.latestComputedYear() ?? clock.year - 1
        let year = query.get("year").flatMap { Int(String($0)) } ?? latest
        let ranked = try await board.ranking(
            try await board.rankingUnits(under: subject, scope: context.readScope), indicator: indicator, year: year,
            by: measure)
        let rows = ranked.map { row in
            let change = row.change.map { $0 > 0 ? "↑\($0)" : $0 < 0 ? "↓\(-$0)" : "—" } ?? ""
            let value = row.value.map {
                measure == .value
                    ? Self.figure(IndicatorAmount($0, of: indicator))
                    : measure == .yearOnYear ? WebNumbers.change($0) : String(format: "%.1f%%", $0 * 100)
            }
            return RankingsPage.Row(
                rank: row.rank.map(String.init) ?? "—", change: change,
                changeClass: (row.change ?? 0) > 0 ? "better" : (row.change ?? 0) < 0 ? "worse" : "",
                name: row.unit.name, value: value ?? "—", peerGroup: row.peerGroup ?? "",
                peerRank: row.peerRank.map(String.init) ?? "",
                url: SiteURL.unit(id: row.unit.id, year: year).link(language))
        }
        let unitID = subject.unitID.map { String($0) } ?? ""
        let regionCode = subject.regionCode ?? ""
        let heading = "\(t[.rankingsTitle]) · \(try await subjectName(subject, language))"
        let model = RankingsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .rankings,
                sameIn: { _ in
                    .rankings(
                        RankingQuery(
                            unit: Int64(unitID), region: regionCode.isEmpty ? nil : regionCode,
                            indicator: indicator.rawValue, year: year, by: measure.rawValue))
                }),
            heading: heading, formAction: SiteURL.rankings(RankingQuery()).path, lang: language.rawValue,
            unit: unitID, region: regionCode,
            indicators: TargetIndicator.ranked.map {
                .init(value: $0.rawValue, label: $0.name(in: language), selected: $0 == indicator)
            },
            measures: RankingMeasure.allCases.map {
                .init(value: $0.rawValue, label: t.text(forKey: "rank_by_\($0.rawValue)", else: $0.rawValue), selected: $0 == measure)
            }, years: yearOptions(year),
            valueHeading: measure == .value
                ? "\(indicator.name(in: language)) (\(Self.indicatorUnit(indicator, t)))" : t.text(forKey: "rank_by_\(measure.rawValue)"),
            rows: rows, hasRows: ranked.contains { $0.value != nil },
            // No unit has a figure on this measure: say why instead of a column of dashes.
            emptyReason: t.text(forKey: "rankings_empty_\(measure.rawValue)"))
        return renderer.response(model, template: "rankings")
    }

    func gradeRow(
        _ result: CarbonEfficiency.Result, name: String, url: String, scale: CarbonEfficiencyScale, _ language: Language
    ) -> GradesPage.Row {
        let level = result.level.map { scale.levels[$0 - 1] }
        let grade = result.grade.map { scale.grades[$0 - 1] }
        let benchmark = result.benchmarked ? " *" : ""
        return GradesPage.Row(
            name: name, url: url, industry: IndustryNames.label(result.industry, language),
            intensity: result.intensity.map(WebNumbers.intensity) ?? "—",
            average: result.industryAverage.map { WebNumbers.intensity($0) + benchmark } ?? "—",
            k: result.k.map { String(format: "%.3f", $0) } ?? "—", level: level?.name(language) ?? "—",
            levelColour: level?.colour ?? "#ffffff", grade: grade?.name(language) ?? "—",
            gradeColour: grade?.colour ?? "#ffffff")
    }

    func gradesPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let subject = try await askedSubject(request, context) else { return notFound(request) }
        let board = governance
        let latest = try await board.latestComputedYear() ?? clock.year - 1
        let year = request.uri.queryParameters.get("year").flatMap { Int(String($0)) } ?? latest
        let graded = try await board.grades(under: subject, year: year, scope: context.readScope)
        let scale = graded.scale
        let names = Dictionary(uniqueKeysWithValues: graded.units.map { ($0.id, $0.name) })
        let rows = graded.results.map {
            gradeRow(
                $0, name: names[$0.id] ?? "", url: SiteURL.unitGrades(id: $0.id).link(language), scale: scale, language)
        }
        let distribution = CarbonEfficiency.distribution(graded.results, scale: scale)
        var byIndustry: [GradesPage.IndustryRow] = []
        for (industry, results) in Dictionary(grouping: graded.results, by: { $0.industry ?? "—" }).sorted(by: {
            $0.key < $1.key
        }) {
            byIndustry.append(
                .init(industry: IndustryNames.label(industry, language), counts: CarbonEfficiency.distribution(results, scale: scale).counts))
        }
        func bands(_ list: [CarbonEfficiencyScale.Band], _ symbol: String) -> [GradesPage.Band] {
            var previous = "0"
            return list.map { band in
                defer { previous = band.upperBound.map { String($0) } ?? previous }
                let bound = band.upperBound.map { "\(previous) < \(symbol) ≤ \($0)" } ?? "\(symbol) > \(previous)"
                return .init(name: band.name(language), colour: band.colour, bound: bound)
            }
        }
        let unitID = subject.unitID.map { String($0) } ?? ""
        let regionCode = subject.regionCode ?? ""
        let heading = "\(t[.gradesTitle]) · \(try await subjectName(subject, language))"
        let model = GradesPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .grades,
                sameIn: { _ in .grades(unit: Int64(unitID), region: regionCode.isEmpty ? nil : regionCode, year: year) }
            ),
            heading: heading, formAction: SiteURL.grades(unit: nil, region: nil, year: nil).path,
            lang: language.rawValue, unit: unitID, region: regionCode, years: yearOptions(year),
            distribution: BarChart(
                id: "grades", title: t[.gradesDistribution], summary: "\(year)",
                entries: zip(scale.grades, distribution.counts).map { ($0.name(language), Double($1)) },
                format: { String(Int($0)) }), rows: rows, hasRows: !rows.isEmpty, grades: bands(scale.grades, "K"),
            levels: bands(scale.levels, "L"), byIndustry: byIndustry,
            source: ReferenceTexts.bundled.shown(scale.source, language))
        return renderer.response(model, template: "grades")
    }

    func unitGradesPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id) else {
            return notFound(request)
        }
        let year = clock.year
        let history = try await governance.gradeHistory(of: unit, years: (year - 9)...year)
        let scale = try await CarbonEfficiencyStore(database).scale()
        let rows = history.map {
            gradeRow(
                $0.result, name: String($0.year), url: SiteURL.unit(id: id, year: $0.year).link(language), scale: scale,
                language)
        }
        let heading = "\(t[.gradesHistory]) · \(unit.name)"
        let model = GradeHistoryPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .unitGrades,
                sameIn: { _ in .unitGrades(id: id) }),
            heading: heading, rows: rows, hasRows: !rows.isEmpty,
            chart: LineChart(
                id: "k-history", title: "K", summary: unit.name, categories: history.map { String($0.year) },
                series: [("K", history.map(\.result.k))], unit: t[.gradesKRatio],
                format: { String(format: "%.2f", $0) }))
        return renderer.response(model, template: "grade-history")
    }
}
