import Accounting
import Assets
import Foundation
import Hummingbird
import Persistence

/// A unit's carbon-asset ledger on the web: holdings by lot on a date, the latest entries, and
/// the form for a new entry.
extension PageHandlers {
    func assetsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await assetsPage(request, context, values: [:], problems: [])
    }

    func assetsPage(
        _ request: Request, _ context: PeakZeroContext, values: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id) else {
            return notFound(request)
        }
        let day =
            request.uri.queryParameters.get("date").flatMap { CalendarDay(parsing: String($0)) }
            ?? CalendarDay(parsing: clock.today)!
        let ledger = AssetLedgerStore(database)
        let balances = try await ledger.balances(under: id, at: day)
        let prices = try await AssetPriceStore(database).latest(on: day)
        var total = 0.0
        let holdings = balances.map { balance in
            let value = prices[balance.lot.kind].map { $0.price * Double(balance.quantity) }
            total += value ?? 0
            return AssetsPage.Holding(
                instrument: balance.lot.kind.name(in: language), vintage: balance.lot.vintage, lot: balance.lot.description,
                quantity: WebNumbers.grouped(Double(balance.quantity), decimals: 0),
                value: value.map { WebNumbers.amount($0, language) } ?? "—")
        }
        let entries = try await ledger.events(under: id, limit: 200).map { stored in
            let e = stored.event
            return AssetsPage.Entry(
                day: e.day.description, unitCode: stored.unitCode, action: e.action.name(in: language),
                lot: e.lot.description, quantity: WebNumbers.grouped(Double(e.delta), decimals: 0),
                price: e.priceYuan.map { WebNumbers.grouped($0, decimals: 2) } ?? "",
                counterparty: e.counterparty)
        }
        let mayAdd = try await context.writeScope.contains(unitID: id, in: database)
        let heading = "\(t[.assetsTitle]) · \(unit.name)"
        let model = AssetsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .assets,
                sameIn: { _ in .assets(unit: id, date: nil) }), lang: language.rawValue,
            heading: heading, date: day.description, dateAction: SiteURL.assets(unit: id, date: nil).path,
            holdings: holdings, hasHoldings: !holdings.isEmpty, total: WebNumbers.amount(total, language),
            prices: prices.values.sorted { $0.kind.rawValue < $1.kind.rawValue }
                .map {
                    "\($0.kind.rawValue.uppercased()) \(WebNumbers.grouped($0.price, decimals: 2))"
                        + language.bracketed($0.day + language.commaSeparator + $0.source)
                }
                .joined(separator: language.clauseSeparator),
            entries: entries, hasEntries: !entries.isEmpty,
            createAction: mayAdd ? SiteURL.createAssetEvent(unit: id).link(language) : nil,
            actions: (LedgerAction.allCases.filter { $0 != .transferIn && $0 != .transferOut }.map { ($0.rawValue, $0.name(in: language)) }
                + [("transfer", t.text(forKey: "assets_transfer"))]).map {
                    .init(value: $0.0, label: $0.1, selected: $0.0 == values["action"])
                },
            kinds: InstrumentKind.allCases.map {
                .init(value: $0.rawValue, label: $0.name(in: language), selected: $0.rawValue == values["kind"])
            }, problems: problems, hasProblems: !problems.isEmpty, values: values)
        return renderer.response(model, template: "assets", status: status)
    }

    static let assetFields = [
        "day", "action", "kind", "vintage", "month", "reference", "methodology", "quantity", "price", "counterparty",
        "compliance_year", "retired_for", "to_unit", "late",
    ]

    func createAssetEvent(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        var values: [String: String] = [:]
        for key in Self.assetFields { values[key] = form[key] }
        var problems: [String] = []
        var receiver: Int64?
        if let code = form.optional("to_unit") {
            // The receiving unit must be one the author changes; another looks like no unit at all.
            if let unit = try? await units.unit(code: code), try await context.writeScope.contains(unitID: unit.id, in: database) {
                receiver = unit.id
            } else {
                problems.append("to_unit：\(language.say(.noSuchUnit))")
            }
        }
        if problems.isEmpty {
            do {
                _ = try await AssetLedgerStore(database).append(
                    unitID: id,
                    NewAssetEvent(
                        day: form.optional("day"), action: form.optional("action"), kind: form.optional("kind"),
                        vintage: Int(form["vintage"]), month: Int(form["month"]), reference: form.optional("reference"),
                        methodology: form.optional("methodology"), quantity: Int64(form["quantity"]),
                        price: Double(form["price"]), counterparty: form.optional("counterparty"),
                        complianceYear: Int(form["compliance_year"]), retiredFor: form.optional("retired_for"),
                        late: form["late"] == "on", toUnitId: receiver))
                return Self.redirect(to: SiteURL.assets(unit: id, date: nil).link(language))
            } catch let error as LedgerProblems {
                problems = error.problems.map { $0.message(language) }
            }
        }
        return try await assetsPage(request, context, values: values, problems: problems, status: .unprocessableContent)
    }
}

/// The compliance board of a subtree on the web, with the form that sets a covered unit's year.
extension PageHandlers {
    func compliancePage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await compliancePage(request, context, values: [:], problems: [])
    }

    func compliancePage(
        _ request: Request, _ context: PeakZeroContext, values: [String: String], problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id) else {
            return notFound(request)
        }
        let year =
            request.uri.queryParameters.get("year").flatMap { Int(String($0)) }.flatMap { (2013...2100).contains($0) ? $0 : nil }
            ?? Int(values["year"] ?? "") ?? clock.year - 1
        let rows = try await ComplianceStore(database).board(
            under: id, year: year, today: CalendarDay(parsing: clock.today)!)
        func n(_ v: Int64) -> String { WebNumbers.grouped(Double(v), decimals: 0) }
        let model = CompliancePage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: "\(t[.complianceTitle]) · \(unit.name)",
                current: .compliance, sameIn: { _ in .compliance(unit: id, year: year) }), lang: language.rawValue,
            heading: "\(t[.complianceTitle]) · \(unit.name)", year: year,
            yearAction: SiteURL.compliance(unit: id, year: nil).path,
            rows: rows.map { row in
                let p = row.position
                let allocated = p?.allocation ?? row.year.allocation ?? row.benchmark?.total
                return CompliancePage.Row(
                    unitCode: row.year.unitCode, unitURL: SiteURL.assets(unit: row.year.unitId, date: nil).link(language),
                    sector: row.year.sector,
                    allocation: allocated.map { n($0) + (row.benchmark != nil ? " (\(t[.complianceBenchmarkBy]))" : "") } ?? "—",
                    hasPosition: p != nil, verified: p.map { n($0.verified) } ?? "",
                    obligation: p.map { n($0.obligation) + ($0.capApplied ? "†" : "") } ?? "",
                    surrendered: p.map { n($0.surrenderedAllowances + $0.surrenderedCredits) } ?? "",
                    allowances: p.map { n($0.usableAllowances) } ?? "",
                    credits: p.map { "\(n($0.usableCredits)) / \(n($0.creditLimit))" } ?? "",
                    shortfall: p.map { n($0.shortfall) } ?? "", surplus: p.map { n($0.surplus) } ?? "",
                    borrowable: p?.borrowable.map(n) ?? "—", deadline: p?.deadline?.description ?? "—",
                    light: p?.light.rawValue ?? "unknown",
                    lightLabel: t.text(forKey: "compliance_light_\(p?.light.rawValue ?? "unknown")"),
                    rules: p?.rule.records.map(\.id).sorted().joined(separator: " ") ?? "")
            }, hasRows: !rows.isEmpty,
            benchmarkLines: Self.benchmarkLines(rows), hasBenchmarkLines: rows.contains { $0.benchmark != nil },
            outputRows: (1...2).map { i in
                CompliancePage.OutputRow(
                    n: i, output: values["output_\(i)"] ?? "", quantity: values["quantity_\(i)"] ?? "",
                    correction: values["correction_\(i)"] ?? "", correctionSource: values["correction_source_\(i)"] ?? "")
            },
            setAction: try await context.writeScope.contains(unitID: id, in: database)
                ? SiteURL.setCompliance(unit: id).link(language) : nil,
            problems: problems, hasProblems: !problems.isEmpty, values: values)
        return renderer.response(model, template: "compliance", status: status)
    }

    func setComplianceYear(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        var values: [String: String] = [:]
        for key in ["unit_code", "year", "sector", "allocation", "allocation_source"] { values[key] = form[key] }
        // A number that does not read is NaN, which the store refuses naming the field.
        func number(_ text: String) -> Double { Double(text.replacingOccurrences(of: ",", with: "")) ?? .nan }
        var outputs: [AllocationOutput] = []
        for i in 1...2 {
            for key in ["output", "quantity", "correction", "correction_source"] { values["\(key)_\(i)"] = form["\(key)_\(i)"] }
            guard let output = form.optional("output_\(i)") else { continue }
            outputs.append(
                AllocationOutput(
                    output: output, quantity: number(form["quantity_\(i)"]),
                    correction: form.optional("correction_\(i)").map(number) ?? 1,
                    correctionSource: form["correction_source_\(i)"]))
        }
        var problems: [String] = []
        // The covered unit is this one or one below it that the author changes.
        var covered = id
        if let code = form.optional("unit_code") {
            if let unit = try? await units.unit(code: code), try await context.writeScope.contains(unitID: unit.id, in: database),
                try await units.list(under: id, region: nil, scope: .everything).contains(where: { $0.id == unit.id })
            {
                covered = unit.id
            } else {
                problems.append("unit_code：\(language.say(.noSuchUnit))")
            }
        }
        let year = Int(form["year"]) ?? 0
        if problems.isEmpty {
            do {
                _ = try await ComplianceStore(database).setYear(
                    unitID: covered, year: year, sector: form["sector"], allocation: Int64(form["allocation"]),
                    allocationSource: form["allocation_source"], outputs: outputs)
                return Self.redirect(to: SiteURL.compliance(unit: id, year: year).link(language))
            } catch let error as LedgerProblems {
                problems = error.problems.map { $0.message(language) }
            }
        }
        return try await compliancePage(request, context, values: values, problems: problems, status: .unprocessableContent)
    }

    /// Each benchmark allocation as its lines read: `unit: 0.8177 tCO2 (RULE) × 1,000,000 × 1 = 817,700 t`.
    static func benchmarkLines(_ rows: [ComplianceBoardRow]) -> [String] {
        rows.flatMap { row -> [String] in
            (row.benchmark?.lines ?? []).map { line in
                let correction =
                    line.output.correction == 1
                    ? "" : " × \(WebNumbers.grouped(line.output.correction, decimals: 4)) (\(line.output.correctionSource))"
                return "\(row.year.unitCode) · \(line.output.output): \(line.benchmark.value) (\(line.benchmark.record.id))"
                    + " × \(WebNumbers.grouped(line.output.quantity, decimals: 0))\(correction)"
                    + " = \(WebNumbers.grouped(line.allowances, decimals: 1)) t"
            }
        }
    }
}
