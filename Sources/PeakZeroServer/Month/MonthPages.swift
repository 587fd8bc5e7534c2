import Accounting
import Foundation
import Hummingbird
import Persistence

/// 本月填报: what a reporter's units owe for a period and the means to deliver it on one page.
extension PageHandlers {
    func month(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let query = request.uri.queryParameters
        let period = query.get("period").flatMap { ReportingPeriod(parsing: String($0)) } ?? lastMonth()
        // The units the account enters data for (those it may change), else those it may read.
        let writable = try await units.list(scope: context.writeScope)
        let mayWrite = !writable.isEmpty
        let listed = mayWrite ? writable : try await units.list(scope: context.readScope)
        guard let top = listed.first else { return notFound(request) }
        // Data are entered at the leaves of the tree; the units above them add up.
        let parents = Set(try await units.list(under: top.id, scope: .everything).compactMap(\.parentID))
        let board = try await ReviewStore(database).board(
            under: top.id, year: period.year, scope: mayWrite ? context.writeScope : context.readScope,
            today: clock.today)
        // Each data-entry unit's period holding the month asked (a quarter or the year for units that
        // report less often).
        let owing: [(row: ReviewBoard.Row, cell: ReviewBoard.Cell)] = board.rows.compactMap { row in
            guard !parents.contains(row.unitId) else { return nil }
            return row.periods.first { ReportingPeriod(parsing: $0.period)?.contains(month: period.firstMonth) == true }
                .map { (row, $0) }
        }
        let asked = query.get("unit").flatMap { Int64(String($0)) }
        // Unless one is asked for: the first unit whose period is still open.
        let open: (ReviewBoard.Cell) -> Bool = { [PeriodStatus.draft, .returned, .correcting].contains($0.status) }
        guard let chosen = asked.map({ id in owing.first { $0.row.unitId == id } })
            ?? owing.first(where: { open($0.cell) }) ?? owing.first
        else {
            return asked == nil ? try await emptyMonth(request, period) : notFound(request)
        }
        let unitID = chosen.row.unitId
        let unitPeriod = ReportingPeriod(parsing: chosen.cell.period) ?? period
        let status = chosen.cell.status
        let mayChange = try await context.writeScope.contains(unitID: unitID, in: database)
        let mayEnter = open(chosen.cell) && mayChange
        let due = owing.map { row, cell in
            MonthPage.Due(
                name: row.name, url: SiteURL.month(unit: row.unitId, period: period.description).link(language),
                period: cell.period, due: cell.due, status: Self.statusLabel(cell.status, t),
                statusClass: "status-\(cell.status.rawValue)", records: cell.records, late: cell.late,
                selected: row.unitId == unitID)
        }
        let entries = try await activity.list(under: unitID, year: unitPeriod.year).filter {
            $0.unitId == unitID && unitPeriod.contains(month: $0.month)
        }
        let missing = try await missingAgainstLastYear(unitID, unitPeriod, entries, language)
        let code = try await units.unit(id: unitID).code
        let model = MonthPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: t[.monthTitle], current: .month,
                sameIn: { _ in .month(unit: unitID, period: period.description) }),
            heading: "\(t[.monthTitle]) · \(chosen.row.name) · \(unitPeriod)", lang: language.rawValue,
            formAction: SiteURL.month(unit: nil, period: nil).path,
            periods: monthOptions(chosen: period),
            due: due, unitCode: code,
            // Records carry a month or the year: a quarterly unit's record takes the month asked, a
            // yearly unit's the year (a quarter is a review period, not a record's period).
            period: unitPeriod.firstMonth == unitPeriod.lastMonth
                ? unitPeriod.description
                : unitPeriod.firstMonth == 1 && unitPeriod.lastMonth == 12 ? String(unitPeriod.year) : period.description,
            facts: [
                .init(label: t[.reviewDue], value: chosen.cell.due),
                .init(label: t[.monthStatus], value: Self.statusLabel(status, t) + (chosen.cell.late ? " · \(t[.reviewLate])" : "")),
                .init(label: t[.reviewRecordsCount], value: String(entries.count)),
            ],
            missing: missing, hasMissing: !missing.isEmpty,
            entries: entries.map { record in
                MonthPage.Entry(
                    item: ItemCatalog.bundled.item(code: record.item)?.name(in: language) ?? record.item,
                    quantity: "\(WebNumbers.plain(record.quantity)) \(record.uom)",
                    editURL: SiteURL.editRecord(.activity, id: record.id).link(language))
            }, hasEntries: !entries.isEmpty,
            mayEnter: mayEnter,
            items: ItemCatalog.bundled.items.map { .init(value: $0.code, label: $0.name(in: language), selected: false) },
            measures: Self.measureOptions.map {
                .init(value: $0.value, label: language == .zh ? $0.label : $0.englishLabel, items: $0.items)
            }, categories: [.init(value: "", label: t[.automatic], selected: true)]
                + ActivityCategory.allCases.map { .init(value: $0.rawValue, label: $0.name(in: language), selected: false) },
            createAction: SiteURL.createRecord(.activity).link(language),
            maySubmit: mayEnter && !entries.isEmpty,
            submitAction: SiteURL.periodStep(unit: unitID, period: unitPeriod, step: .submit).link(language),
            importURL: SiteURL.importForm.link(language),
            recordsURL: SiteURL.records(unit: unitID, year: unitPeriod.year).link(language),
            periodURL: SiteURL.period(unit: unitID, period: unitPeriod).link(language))
        return renderer.response(model, template: "month")
    }

    /// The month before this one: the period whose data is due now.
    func lastMonth() -> ReportingPeriod {
        let now = clock.month
        let (year, month) = now.month == 1 ? (now.year - 1, 12) : (now.year, now.month - 1)
        return ReportingPeriod(year: year, firstMonth: month, lastMonth: month)!
    }

    /// This year's months so far and all of last year's, latest first.
    private func monthOptions(chosen: ReportingPeriod) -> [RecordForm.Option] {
        let latest = lastMonth()
        var months: [ReportingPeriod] = []
        for year in [latest.year, latest.year - 1] {
            for month in (1...(year == latest.year ? latest.firstMonth : 12)).reversed() {
                months.append(ReportingPeriod(year: year, firstMonth: month, lastMonth: month)!)
            }
        }
        if !months.contains(chosen) { months.insert(chosen, at: 0) }
        return months.map { .init(value: $0.description, label: $0.description, selected: $0 == chosen) }
    }

    /// Items the unit reported for the same period last year and has not reported for this one, with
    /// last year's amounts: what is likely still to come.
    private func missingAgainstLastYear(
        _ unitID: Int64, _ period: ReportingPeriod, _ entries: [StoredActivityRecord], _ language: Language
    ) async throws -> [MonthPage.Missing] {
        let lastYear = ReportingPeriod(year: period.year - 1, firstMonth: period.firstMonth, lastMonth: period.lastMonth)!
        let before = try await activity.list(under: unitID, year: lastYear.year).filter {
            $0.unitId == unitID && lastYear.contains(month: $0.month)
        }
        let present = Set(entries.map(\.item))
        var amounts: [String: [String: Double]] = [:]
        var order: [String] = []
        for record in before where !present.contains(record.item) {
            if amounts[record.item] == nil { order.append(record.item) }
            amounts[record.item, default: [:]][record.uom, default: 0] += record.quantity
        }
        return order.map { item in
            MonthPage.Missing(
                item: ItemCatalog.bundled.item(code: item)?.name(in: language) ?? item,
                lastYear: amounts[item, default: [:]].sorted { $0.key < $1.key }
                    .map { "\(WebNumbers.plain($0.value)) \($0.key)" }.joined(separator: " + "))
        }
    }

    /// Every unit of measure the parser reads, once (its first spelling, the symbol), with the items
    /// it fits and its Chinese name beside the symbol ("t（吨）").
    static let measureOptions: [MonthPage.MeasureOption] = {
        let spellings = UnitOfMeasure.acceptedSpellings
        var seen = Set<UnitOfMeasure>()
        var options: [MonthPage.MeasureOption] = []
        for (spelling, unit) in spellings where seen.insert(unit).inserted {
            let items = ItemCatalog.bundled.items.filter { $0.accepts(unit) }.map(\.code)
            guard !items.isEmpty else { continue }
            let chinese = spellings.first { $0.unit == unit && $0.spelling.unicodeScalars.contains { $0.value >= 0x4E00 } }
            // An English page writes 万 and 亿 as powers of ten: "10^4t", not "万t".
            let english = spellings.first { $0.unit == unit && $0.spelling.allSatisfy(\.isASCII) }?.spelling ?? spelling
            options.append(
                .init(
                    value: spelling, label: chinese.map { "\(spelling)（\($0.spelling)）" } ?? spelling,
                    englishLabel: english, items: items.joined(separator: " ")))
        }
        return options
    }()

    private func emptyMonth(_ request: Request, _ period: ReportingPeriod) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        return renderer.response(
            EmptyPage(
                layout: PageLayout(
                    strings: renderer.strings, language: language, title: t[.monthTitle], current: .month,
                    sameIn: { _ in .month(unit: nil, period: period.description) }),
                message: t[.monthNothingDue]),
            template: "empty")
    }
}
