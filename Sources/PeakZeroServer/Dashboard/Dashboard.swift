import Accounting
import Charts
import Persistence

/// The four indicators of a roll-up with their year-on-year change, the monthly trend against last
/// year, and where the emissions come from (scope, item, unit below): the body of the overview and
/// of every unit's page.
struct Dashboard: Sendable {
    struct Card: Sendable {
        let label: String
        let value: String
        let unit: String
        let change: String
        /// `up`, `down` or `none`: for emissions and energy, up is the bad direction.
        let direction: String
        let note: String?
        let sparkline: Sparkline
        /// The target that applies to this indicator, set by the page once targets are read.
        var target: CardTarget? = nil
    }

    struct Increase: Sendable {
        let name: String
        let url: String
        let now: String
        let last: String
        let change: String
    }

    /// A unit below, as the caller names and links it.
    struct Child: Sendable {
        let key: String
        let name: String
        let url: String
    }

    let hasData: Bool
    let stale: Bool
    var cards: [Card]
    let trend: LineChart
    let byScope: DonutChart
    let scopesByMonth: StackedBarChart
    let byItem: BarChart
    let byChild: BarChart
    let increases: [Increase]
    let hasIncreases: Bool

    /// - Parameter current: nil when no inventory of the year covers the unit: the page says so.
    init(
        current rollup: Rollup?, year: Int, previous: Rollup?, children: [Child], method: Scope2Method,
        strings: WebStrings, language: Language
    ) {
        let t = strings.table(language)
        func text(_ key: WordKey) -> String { t[key] }
        let amount: ChartNumberFormat = { WebNumbers.amount($0, language) }
        let current = rollup ?? Rollup.none(year: year)
        let now = current.totals
        let last = previous?.totals ?? current.previousYear
        hasData = rollup != nil
        stale = current.inventories.contains(where: \.stale)

        let months = Self.monthLabels(t, language)
        func monthly(_ rollup: Rollup?, _ value: (IndicatorFigures) -> Double) -> [Double?] {
            (1...12).map { month in rollup?.byMonth.first { $0.month == month }.map { value($0.figures) } }
        }
        let emissionsByMonth = monthly(current) { $0.emissions(method).value(in: .tonneCO2e) }
        let energyByMonth = monthly(current) { $0.energyCalorific.value(in: .tonneCoalEquivalent) }

        func card(
            _ key: WordKey, unit: String, now: Double?, last: Double?, intensity: Bool = false, note: String? = nil,
            spark: [Double?] = []
        ) -> Card {
            let change = Accounting.yearOnYear(now, last)
            return Card(
                label: text(key), value: now.map { intensity ? WebNumbers.intensity($0) : amount($0) } ?? "—",
                unit: unit, change: change.map(WebNumbers.change) ?? text(.yoyNone),
                direction: change.map { $0 > 0.0005 ? "up" : $0 < -0.0005 ? "down" : "flat" } ?? "none", note: note,
                sparkline: Sparkline(title: "\(text(key)) \(text(.monthlyTrend))", values: spark))
        }
        // An intensity's card is per output value; where value added is known the other base is
        // given too, since targets are often set on it and the two differ several-fold.
        func basisNote(_ perValueAdded: Double?) -> String {
            guard let perValueAdded else { return text(.intensityBasis) }
            return text(.intensityBasis) + language.clauseSeparator
                + t.format(.intensityOtherBasis, ["value": WebNumbers.intensity(perValueAdded)])
        }
        cards = [
            card(
                .energyTotal, unit: text(.unitTce), now: now.energyCalorific.value(in: .tonneCoalEquivalent),
                last: last?.energyCalorific.value(in: .tonneCoalEquivalent), spark: energyByMonth),
            card(
                .emissionsTotal, unit: text(.unitTco2e), now: now.emissions(method).value(in: .tonneCO2e),
                last: last?.emissions(method).value(in: .tonneCO2e), spark: emissionsByMonth),
            card(
                .energyIntensity, unit: text(.unitTcePer10k), now: now.energyIntensity(per: .outputValue)?.value,
                last: last?.energyIntensity(per: .outputValue)?.value, intensity: true,
                note: basisNote(now.energyIntensity(per: .valueAdded)?.value)),
            card(
                .carbonIntensity, unit: text(.unitTPer10k),
                now: now.carbonIntensity(per: .outputValue, method: method)?.value,
                last: last?.carbonIntensity(per: .outputValue, method: method)?.value, intensity: true,
                note: basisNote(now.carbonIntensity(per: .valueAdded, method: method)?.value)),
        ]

        trend = LineChart(
            id: "trend", title: "\(text(.monthlyTrend)) · \(text(.monthlyEmissions))",
            summary: "\(text(.thisYear)) \(current.year) / \(text(.lastYear)) \(current.year - 1)",
            categories: months,
            series: [
                ("\(current.year)", emissionsByMonth),
                ("\(current.year - 1)", monthly(previous) { $0.emissions(method).value(in: .tonneCO2e) }),
            ], unit: text(.unitTco2e), format: amount)
        (byScope, scopesByMonth) = Self.scopeCharts(current, method, months: months, text: text, format: amount)
        byItem = Self.itemChart(
            current, method, language, title: "\(text(.byItem)) (\(text(.unitTco2e)))",
            summary: text(.byItem), format: amount)
        let names = Dictionary(children.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let childFigures = current.byChild.map { entry in
            (label: names[entry.key]?.name ?? entry.key, value: entry.figures.emissions(method).value(in: .tonneCO2e))
        }
        byChild = BarChart(
            id: "by-child", title: "\(text(.byChild)) (\(text(.unitTco2e)))", summary: text(.byChild),
            entries: Array(childFigures.sorted { $0.value > $1.value }.prefix(15)), format: amount)
        increases = Self.increases(current, previous: previous, names: names, method: method, format: amount)
        hasIncreases = !increases.isEmpty
    }

    /// Emissions by scope for the year, and by scope month by month.
    static func scopeCharts(
        _ current: Rollup, _ method: Scope2Method, months: [String], text: (WordKey) -> String,
        format amount: @escaping ChartNumberFormat
    ) -> (DonutChart, StackedBarChart) {
        let now = current.totals
        func monthly(_ value: (IndicatorFigures) -> Double) -> [Double?] {
            (1...12).map { month in current.byMonth.first { $0.month == month }.map { value($0.figures) } }
        }
        let byScope = DonutChart(
            id: "by-scope", title: "\(text(.byScope)) (\(text(.unitTco2e)))", summary: text(.byScope),
            parts: [
                (text(.scope1), now.scope1.value(in: .tonneCO2e)),
                (
                    text(.scope2),
                    (method == .location ? now.scope2LocationBased : now.scope2MarketBased).value(in: .tonneCO2e)
                ),
            ], format: amount)
        let scopesByMonth = StackedBarChart(
            id: "scopes-by-month", title: "\(text(.scopesByMonth)) (\(text(.unitTco2e)))",
            summary: "\(text(.scopesByMonth)) \(current.year)", categories: months,
            parts: [
                (text(.scope1), monthly { $0.scope1.value(in: .tonneCO2e) }),
                (
                    text(.scope2),
                    monthly {
                        (method == .location ? $0.scope2LocationBased : $0.scope2MarketBased).value(in: .tonneCO2e)
                    }
                ),
            ], totalName: text(.total), unit: text(.unitTco2e), format: amount)
        return (byScope, scopesByMonth)
    }

    /// The items with the most emissions, at most twelve, largest first.
    static func itemChart(
        _ current: Rollup, _ method: Scope2Method, _ language: Language, title: String, summary: String,
        format: @escaping ChartNumberFormat
    ) -> BarChart {
        let items = current.byItem.map { entry in
            (
                label: ItemCatalog.bundled.item(code: entry.item)?.name(in: language) ?? entry.item,
                value: entry.figures.emissions(method).value(in: .tonneCO2e)
            )
        }
        return BarChart(
            id: "by-item", title: title, summary: summary,
            entries: Array(items.sorted { $0.value > $1.value }.prefix(12)), format: format)
    }

    /// The five children whose emissions grew the most since last year, largest growth first.
    static func increases(
        _ current: Rollup, previous: Rollup?, names: [String: Child], method: Scope2Method,
        format amount: ChartNumberFormat
    ) -> [Increase] {
        let lastByChild = Dictionary(
            (previous?.byChild ?? []).map { ($0.key, $0.figures.emissions(method).value(in: .tonneCO2e)) },
            uniquingKeysWith: { first, _ in first })
        return current.byChild.compactMap { entry -> (Double, Increase)? in
            let value = entry.figures.emissions(method).value(in: .tonneCO2e)
            guard let before = lastByChild[entry.key], value > before, let child = names[entry.key] else { return nil }
            let change = Accounting.yearOnYear(value, before)
            return (
                value - before,
                Increase(
                    name: child.name, url: child.url, now: amount(value), last: amount(before),
                    change: change.map(WebNumbers.change) ?? "")
            )
        }.sorted { $0.0 > $1.0 }.prefix(5).map(\.1)
    }

    /// "1月" … "12月", or "Jan" … "Dec".
    static func monthLabels(_ t: Words, _ language: Language) -> [String] {
        (1...12).map { language == .zh ? "\($0)\(t[.monthSuffix])" : monthNames[$0 - 1] }
    }

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
