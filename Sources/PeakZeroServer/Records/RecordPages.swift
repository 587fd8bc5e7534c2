import Accounting
import Foundation
import Hummingbird
import Intake
import Persistence

/// Adding, correcting and deleting records one by one, with the checks the API and imports use;
/// a problem is shown beside the field it concerns, and nothing is written until all is right.
extension PageHandlers {
    static let recordsShown = 500

    /// A unit's records of a year, activity and economic.
    func records(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let language = request.language
        let t = renderer.strings.table(language)
        let thisYear = clock.year
        let (year, _) = year(request, computed: [thisYear - 1])
        let names = Dictionary(
            try await units.list(under: id, scope: .everything).map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        // Activity records a window at a time: a province holds millions.
        let page = max(1, request.uri.queryParameters.get("page").flatMap { Int(String($0)) } ?? 1)
        let window = try await activity.list(
            under: id, year: year, offset: (page - 1) * Self.recordsShown, limit: Self.recordsShown)
        let pages = max(1, (window.total + Self.recordsShown - 1) / Self.recordsShown)
        let economicRecords = try await economic.list(under: id, year: year)
        func row(_ kind: RecordKind, id recordID: Int64, unit: Int64, period: String, cells: [String])
            -> RecordsPage.Row
        {
            RecordsPage.Row(
                id: String(recordID), unit: names[unit] ?? String(unit), period: period, cells: cells,
                editURL: SiteURL.editRecord(kind, id: recordID).link(language),
                deleteAction: SiteURL.deleteRecord(kind, id: recordID).link(language))
        }
        func more(_ count: Int) -> String? {
            count > Self.recordsShown
                ? (t[.recordsMore]).replacingOccurrences(of: "{shown}", with: String(Self.recordsShown))
                    .replacingOccurrences(of: "{total}", with: String(count)) : nil
        }
        let activityRows = window.records.map { record in
            row(
                .activity, id: record.id, unit: record.unitId, period: record.period,
                cells: [
                    ItemCatalog.bundled.item(code: record.item)?.name(in: language) ?? record.item,
                    "\(WebNumbers.plain(record.quantity)) \(record.uom)", record.source ?? "",
                ])
        }
        let economicRows = economicRecords.prefix(Self.recordsShown).map { record in
            row(
                .economic, id: record.id, unit: record.unitId,
                period: Period(year: record.year, month: record.month)?.description ?? String(record.year),
                cells: [record.outputValue, record.valueAdded, record.revenue].map { $0.map(WebNumbers.plain) ?? "—" }
                    + [WebNumbers.plain(record.priceIndex), String(record.baseYear)])
        }
        let saved = request.uri.queryParameters.get("saved").map {
            (t[.recordSaved]).replacingOccurrences(of: "{id}", with: String($0))
        }
        let heading = "\(unit.name) · \(t[.recordsTitle])"
        let model = RecordsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .records,
                sameIn: { _ in .records(unit: id, year: year) }),
            heading: heading, crumbs: [.init(name: unit.name, url: SiteURL.unit(id: id, year: year).link(language))],
            formAction: SiteURL.records(unit: id, year: nil).path, lang: language.rawValue,
            years: Set((thisYear - 4...thisYear)).union([year]).sorted(by: >).map {
                .init(value: $0, selected: $0 == year)
            }, saved: saved,
            tables: [
                RecordsPage.Table(
                    title: t[.activityRecords],
                    headers: [t[.item], t[.quantity], t[.dataSource]], rows: Array(activityRows),
                    hasRows: !activityRows.isEmpty, addURL: SiteURL.newRecord(.activity, unit: id).link(language),
                    more: nil, exportURL: Self.exportURL("activity", unit: id, year: year, language),
                    pager: pages > 1
                        ? InventoryPage.Pager(
                            text: t[.recordsPage].replacingOccurrences(of: "{page}", with: String(min(page, pages)))
                                .replacingOccurrences(of: "{pages}", with: String(pages))
                                .replacingOccurrences(of: "{total}", with: String(window.total)),
                            previous: page > 1 ? SiteURL.records(unit: id, year: year, page: page - 1).link(language) : nil,
                            next: page < pages ? SiteURL.records(unit: id, year: year, page: page + 1).link(language) : nil)
                        : nil),
                RecordsPage.Table(
                    title: t[.economicRecords],
                    headers: ["output_value", "value_added", "revenue", "price_index", "base_year"].map { t.text(forKey: $0, else: $0) },
                    rows: Array(economicRows), hasRows: !economicRows.isEmpty,
                    addURL: SiteURL.newRecord(.economic, unit: id).link(language), more: more(economicRecords.count),
                    exportURL: Self.exportURL("economic", unit: id, year: year, language), pager: nil),
            ])
        return renderer.response(model, template: "records")
    }

    /// The export API's address for one kind of record of a subtree's year, in the page's language.
    static func exportURL(_ kind: String, unit: Int64, year: Int, _ language: Language) -> String {
        "/api/v1/exports/\(kind)?unit_id=\(unit)&year=\(year)&format=xlsx&lang=\(language.rawValue)"
    }

    func newRecord(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let kind = context.parameters.get("kind").flatMap(RecordKind.init) else { return notFound(request) }
        // The unit is filled in only when the account may see it (its code is not to be learnt here).
        var unit: ReportingUnit?
        if let id = request.uri.queryParameters.get("unit").flatMap({ Int64(String($0)) }),
            try await context.readScope.contains(unitID: id, in: database)
        {
            unit = try? await units.unit(id: id)
        }
        let defaults =
            kind == .activity
            ? ["unit": unit?.code ?? "", "category": ""] : ["unit": unit?.code ?? "", "price_index": "100"]
        return recordForm(kind, id: nil, values: defaults, errors: [:], general: [], request: request, status: .ok)
    }

    func editRecord(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let kind = context.parameters.get("kind").flatMap(RecordKind.init),
            let id = context.parameters.get("id").flatMap(Int64.init)
        else { return notFound(request) }
        let values: [String: String]
        switch kind {
        case .activity:
            guard let record = try await activity.record(id: id), let unit = try? await units.unit(id: record.unitId)
            else { return notFound(request) }
            values = RecordKind.values(of: record, unitCode: unit.code)
        case .economic:
            guard let record = try await economic.record(id: id), let unit = try? await units.unit(id: record.unitId)
            else { return notFound(request) }
            values = RecordKind.values(of: record, unitCode: unit.code)
        }
        return recordForm(kind, id: id, values: values, errors: [:], general: [], request: request, status: .ok)
    }

    /// Saves a new record (no `id`) or a correction, or shows the form again with its problems.
    func saveRecord(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let kind = context.parameters.get("kind").flatMap(RecordKind.init) else { return notFound(request) }
        let id = context.parameters.get("id").flatMap(Int64.init)
        let form = try await FormPost.read(request)
        let language = request.language
        var errors: [String: String] = [:]
        var numbers: [String: Double] = [:]
        for field in kind.fields {
            let text = form[field.name]
            if text.isEmpty {
                if field.required { errors[field.name] = Problem.missingValue.text(in: language) }
            } else if field.numeric {
                guard let number = Double(text.replacingOccurrences(of: ",", with: "")), number.isFinite else {
                    errors[field.name] = Problem.notANumber(text).text(in: language)
                    continue
                }
                numbers[field.name] = number
            }
        }
        if let period = Period(parsing: form["period"]), clock.month.isFuture(period) {
            errors["period"] = Problem.futurePeriod(form["period"]).text(in: language)
        }
        // A unit the account may not change reads as no unit at all.
        if !form["unit"].isEmpty, try await !context.writeScope.outside(codes: [form["unit"]], in: database).isEmpty {
            errors["unit"] = Problem.unknownUnitCode(form["unit"]).text(in: language)
        }
        var general: [String] = []
        var savedID: Int64?
        if errors.isEmpty {
            do {
                savedID = try await store(kind, id: id, form: form, numbers: numbers, language: language)
            } catch StoreError.invalid(let issues) {
                let names = Set(kind.fields.map(\.name))
                for issue in issues {
                    if let column = issue.column, names.contains(column) {
                        errors[column] = errors[column] ?? issue.problem.text(in: language)
                    } else {
                        general.append(issue.problem.text(in: language))
                    }
                }
            } catch StoreError.notFound {
                return notFound(request)
            }
        }
        guard let savedID, errors.isEmpty, general.isEmpty else {
            return recordForm(
                kind, id: id, values: form.fields, errors: errors, general: general, request: request,
                status: .unprocessableContent)
        }
        let unit = try await units.unit(code: form["unit"])
        // Saved from the month's page: back to it, for the next record.
        if form["return"] == "month" {
            return Self.redirect(to: SiteURL.month(unit: unit.id, period: form["period"]).link(language))
        }
        return Self.redirect(
            to: SiteURL.records(unit: unit.id, year: Period(parsing: form["period"])?.year, saved: savedID)
                .link(language))
    }

    func deleteRecord(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let kind = context.parameters.get("kind").flatMap(RecordKind.init),
            let id = context.parameters.get("id").flatMap(Int64.init)
        else { return notFound(request) }
        _ = try await FormPost.read(request)
        let place: (unit: Int64, year: Int)?
        switch kind {
        case .activity: place = try await activity.record(id: id).map { ($0.unitId, $0.year) }
        case .economic: place = try await economic.record(id: id).map { ($0.unitId, $0.year) }
        }
        guard let place else { return notFound(request) }
        switch kind {
        case .activity: try await activity.delete(id: id)
        case .economic: try await economic.delete(id: id)
        }
        return Self.redirect(to: SiteURL.records(unit: place.unit, year: place.year).link(request.language))
    }

    /// Writes the record through the store's own checks; returns its id.
    private func store(
        _ kind: RecordKind, id: Int64?, form: FormPost, numbers: [String: Double], language: Language
    ) async throws -> Int64 {
        switch kind {
        case .activity:
            let record = NewActivityRecord(
                unitCode: form["unit"], period: form["period"], item: form["item"], quantity: numbers["quantity"] ?? 0,
                uom: form["uom"], category: form.optional("category"), ncv: numbers["ncv"],
                carbonContent: numbers["carbon_content"], oxidationRate: numbers["oxidation_rate"],
                source: form.optional("source"))
            let provenance = RecordBatch(kind: "form")
            if let id {
                return try await activity.replace(id: id, with: record, language: language, provenance: provenance)
            }
            return try await activity.insert([record], language: language, provenance: provenance)[0]
        case .economic:
            let record = NewEconomicRecord(
                unitCode: form["unit"], period: form["period"], outputValue: numbers["output_value"],
                valueAdded: numbers["value_added"], revenue: numbers["revenue"], priceIndex: numbers["price_index"],
                baseYear: numbers["base_year"].map { Int($0) })
            if let id { return try await economic.replace(id: id, with: record) }
            return try await economic.insert([record])[0]
        }
    }

    private func recordForm(
        _ kind: RecordKind, id: Int64?, values: [String: String], errors: [String: String], general: [String],
        request: Request, status: HTTPResponse.Status
    ) -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let fields = kind.fields.map { spec in
            let value = values[spec.name] ?? ""
            return RecordForm.Field(
                name: spec.name, label: t.text(forKey: "field_\(spec.name)", else: spec.name), value: value, error: errors[spec.name],
                hint: t.optionalText(forKey: "hint_\(kind.rawValue)_\(spec.name)"), required: spec.required,
                options: spec.options.map { options in
                    (spec.required
                        ? [] : [RecordForm.Option(value: "", label: t[.automatic], selected: value.isEmpty)])
                        + options(language).map { .init(value: $0.0, label: $0.1, selected: $0.0 == value) }
                } ?? [], isSelect: spec.options != nil, inputMode: spec.numeric ? "decimal" : "text",
                id: "field-\(spec.name)")
        }
        let heading = t.text(forKey: id == nil ? "new_\(kind.rawValue)" : "edit_\(kind.rawValue)")
        let model = RecordForm(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .recordNew,
                sameIn: { _ in id.map { .editRecord(kind, id: $0) } ?? .newRecord(kind, unit: nil) }),
            heading: id.map { "\(heading) #\($0)" } ?? heading,
            action: (id.map { SiteURL.updateRecord(kind, id: $0) } ?? .createRecord(kind)).link(language),
            lang: language.rawValue, fields: fields, errors: general, hasErrors: !errors.isEmpty || !general.isEmpty,
            submit: t[.save], cancelURL: SiteURL.units(search: values["unit"]).link(language))
        return renderer.response(model, template: "record-form", status: status)
    }

    /// 303 See Other: after a post, the browser fetches the page that shows the result.
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }
}
