import Accounting
import Charts
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// A unit's responsibility and measure list on the web, with its Gantt chart.
extension PageHandlers {
    func measuresPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await measuresPage(request, context, values: [:], problems: [])
    }

    /// - Parameter unitID: the unit, when the path's `{id}` names something else (a measure).
    func measuresPage(
        _ request: Request, _ context: PeakZeroContext, unitID: Int64? = nil, values: [String: String],
        problems: [String], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = unitID ?? context.parameters.get("id").flatMap(Int64.init),
            let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let today = clock.today
        let measures = try await MeasureStore(database).list(under: id)
        var mayChange: [Int64: Bool] = [:]
        for measure in measures where mayChange[measure.unitId] == nil {
            mayChange[measure.unitId] = try await context.writeScope.contains(unitID: measure.unitId, in: database)
        }
        let projects = try await ProjectStore(database).carryingOut(measures: measures.map(\.id))
        let rows = measures.map { m in
            let status = m.status(on: today)
            return MeasuresPage.Row(
                id: m.id, title: m.title, kind: t.text(forKey: "measure_kind_\(m.kind.rawValue)", else: m.kind.rawValue),
                owner: m.ownerPerson, start: m.startDate, deadline: m.deadline, status: status.rawValue,
                statusLabel: t.text(forKey: "measure_status_\(status.rawValue)", else: status.rawValue),
                participants: m.participants.map(String.init) ?? "",
                projects: (projects[m.id] ?? []).map {
                    .init(label: "\($0.code) \($0.name)", url: SiteURL.project(id: $0.id).link(language))
                },
                notes: m.notes.map { note in
                    "\(BeijingTime.show(note.createdAt).prefix(10)) \(note.author)\(language.colon)\(note.text)"
                        + (note.evidence.map { language.bracketed($0) } ?? "")
                },
                updateAction: mayChange[m.unitId] == true ? SiteURL.updateMeasure(id: m.id).link(language) : nil,
                statuses: MeasureStatus.settable.map {
                    .init(
                        value: $0.rawValue, label: t.text(forKey: "measure_status_\($0.rawValue)", else: $0.rawValue),
                        selected: $0 == m.setStatus)
                })
        }
        // The Gantt chart: one bar per item from its start to its deadline, on a shared day scale.
        let first = measures.map(\.startDate).min() ?? today
        let last = max(measures.map(\.deadline).max() ?? today, first)
        let span = Double(max(DayText.days(from: first, to: last) ?? 1, 1))
        func x(_ day: String) -> Int { 200 + Int(Double(DayText.days(from: first, to: day) ?? 0) / span * 420) }
        let bars = measures.enumerated().map { index, m in
            MeasuresPage.Bar(
                label: String(m.title.prefix(14)), labelY: index * 24 + 16, x: x(m.startDate), y: index * 24 + 4,
                width: max(x(m.deadline) - x(m.startDate), 3), status: m.status(on: today).rawValue,
                title: "\(m.title): \(m.startDate) – \(m.deadline)")
        }
        let mayAdd = try await context.writeScope.contains(unitID: id, in: database)
        let heading = "\(t[.measuresTitle]) · \(unit.name)"
        let model = MeasuresPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .measures,
                sameIn: { _ in .measures(unit: id) }),
            heading: heading, rows: rows, hasRows: !rows.isEmpty, bars: bars, ganttHeight: measures.count * 24 + 8,
            todayX: (first...last).contains(today) ? x(today) : nil, startLabel: first, endLabel: last,
            createAction: mayAdd ? SiteURL.createMeasure(unit: id).link(language) : nil,
            kinds: MeasureKind.allCases.map {
                .init(
                    value: $0.rawValue, label: t.text(forKey: "measure_kind_\($0.rawValue)", else: $0.rawValue),
                    selected: $0.rawValue == values["kind"])
            }, problems: problems, hasProblems: !problems.isEmpty, values: values)
        return renderer.response(model, template: "measures", status: status)
    }

    func createMeasure(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        var values: [String: String] = [:]
        for key in ["title", "owner_person", "start_date", "deadline", "kind", "participants"] {
            values[key] = form[key]
        }
        do {
            _ = try await MeasureStore(database).add(
                NewMeasure(
                    unitId: id, kind: form["kind"].isEmpty ? nil : form["kind"], title: form["title"],
                    ownerPerson: form["owner_person"], startDate: form["start_date"], deadline: form["deadline"],
                    participants: Int(form["participants"])))
        } catch StoreError.invalid(let issues) {
            return try await measuresPage(
                request, context, values: values,
                problems: issues.map { "\($0.column ?? "")：\($0.problem.text(in: language))" },
                status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.measures(unit: id).link(language))
    }

    func updateMeasure(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let measure = try? await MeasureStore(database).measure(id: id)
        else { return notFound(request) }
        let note = form["note"]
        let language = request.language
        do {
            _ = try await MeasureStore(database).update(
                id: id, status: form["status"].isEmpty ? nil : form["status"], note: note.isEmpty ? nil : note,
                evidence: form["evidence"].isEmpty ? nil : form["evidence"])
        } catch StoreError.invalid(let issues) {
            return try await measuresPage(
                request, context, unitID: measure.unitId, values: [:],
                problems: issues.map { "\($0.column ?? "")：\($0.problem.text(in: language))" },
                status: .unprocessableContent)
        }
        return Self.redirect(to: SiteURL.measures(unit: measure.unitId).link(language))
    }
}
