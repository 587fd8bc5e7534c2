import Accounting
import Foundation
import Hummingbird
import Persistence

/// An inventory's lines and each line's lineage: the pages that trace a number on a dashboard to
/// the record, the factors and their sources.
extension PageHandlers {
    static let linesPerPage = 100

    func inventory(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let inventory = try? await inventories.inventory(id: id)
        else { return notFound(request) }
        let language = request.language
        let t = renderer.strings.table(language)
        let subtree = try await units.list(under: inventory.unitId, scope: .everything)
        let names = Dictionary(subtree.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let root = names[inventory.unitId]
        // Only one unit's lines when the address names a unit of the inventory's tree.
        let focus = request.uri.queryParameters.get("unit").flatMap { Int64(String($0)) }.flatMap { names[$0] }
        let focusID = focus?.id == inventory.unitId ? nil : focus?.id
        let total = try await inventories.lineCount(inventoryID: id, under: focusID)
        let pages = max(1, (total + Self.linesPerPage - 1) / Self.linesPerPage)
        let page = min(max(1, request.uri.queryParameters.get("page").flatMap { Int(String($0)) } ?? 1), pages)
        let lines = try await inventories.lines(
            inventoryID: id, under: focusID, offset: (page - 1) * Self.linesPerPage, limit: Self.linesPerPage)
        let rows = lines.map { line in
            InventoryPage.Line(
                record: String(line.recordId), unit: names[line.unitId]?.name ?? String(line.unitId),
                period: Period(year: inventory.year, month: line.month)?.description ?? String(inventory.year),
                item: ItemCatalog.bundled.item(code: line.item)?.name(in: language) ?? line.item,
                scope: t.text(forKey: "scope_\(line.scope)", else: line.scope),
                emissions: WebNumbers.exact(inventory.scope2 == "market" ? line.co2eMarketT : line.co2eLocationT),
                energy: WebNumbers.exact(line.tceCalorific),
                url: SiteURL.inventoryLine(inventory: id, record: line.recordId).link(language))
        }
        func address(_ page: Int) -> String {
            SiteURL.inventory(id: id, unit: focusID, page: page).link(language)
        }
        let first = total == 0 ? 0 : (page - 1) * Self.linesPerPage + 1
        let heading = Self.inventoryHeading(inventory, unit: root?.name, t)
        let model = InventoryPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .inventory,
                sameIn: { _ in .inventory(id: id, unit: focusID, page: page) }),
            heading: heading,
            crumbs: root.map {
                [.init(name: $0.name, url: SiteURL.unit(id: $0.id, year: inventory.year).link(language))]
            }
                ?? [],
            facts: [
                .init(label: t[.year], value: String(inventory.year)),
                .init(label: t[.version], value: String(inventory.version)),
                .init(label: t[.computedAt], value: BeijingTime.show(inventory.computedAt)),
                .init(label: t[.records], value: String(inventory.recordCount)),
                .init(label: t[.gwpSet], value: inventory.gwp),
                .init(label: t[.scope2Method], value: t.text(forKey: "scope2_\(inventory.scope2)", else: inventory.scope2)),
                .init(label: t[.fuelParameters], value: inventory.fuelParameters),
                .init(label: t[.factorLibrary], value: inventory.factorLibrary),
            ],
            totals: [
                .init(
                    label: t[.scope1], value: "\(WebNumbers.exact(inventory.scope1T)) \(t[.unitTco2e])")
            ]
                + Self.tracedFigures(
                    location: inventory.scope2LocationT, market: inventory.scope2MarketT,
                    calorific: inventory.tceCalorific, equivalent: inventory.tceEquivalent,
                    scope2Prefix: "\(t[.scope2]) · ", t),
            stale: inventory.stale,
            scopeNote: focusID == nil
                ? nil : (t[.linesOfUnit]).replacingOccurrences(of: "{unit}", with: focus?.name ?? ""),
            allLinesURL: focusID == nil ? nil : SiteURL.inventory(id: id, unit: nil, page: nil).link(language),
            lines: rows, hasLines: !rows.isEmpty,
            pager: InventoryPage.Pager(
                text: (t[.linesRange]).replacingOccurrences(of: "{first}", with: String(first))
                    .replacingOccurrences(of: "{last}", with: String(first == 0 ? 0 : first + rows.count - 1))
                    .replacingOccurrences(of: "{total}", with: String(total)),
                previous: page > 1 ? address(page - 1) : nil, next: page < pages ? address(page + 1) : nil),
            factors: try await inventories.factors(inventoryID: id).map { FactorRow(stored: $0, t, language) },
            exportURL: APIRoute.exportInventory.path.replacingOccurrences(of: "{id}", with: String(id))
                + "?format=xlsx&lang=\(language.rawValue)")
        return renderer.response(model, template: "inventory")
    }

    func inventoryLine(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let recordID = context.parameters.get("record").flatMap(Int64.init),
            let inventory = try? await inventories.inventory(id: id),
            let line = try await inventories.lines(inventoryID: id, recordID: recordID).first
        else { return notFound(request) }
        let language = request.language
        let t = renderer.strings.table(language)
        let unit = try? await units.unit(id: line.unitId)
        let root = try? await units.unit(id: inventory.unitId)
        // The record as stored now, if it is still the one the line was computed from (an id can
        // be taken again by a later record once its own was deleted).
        let record = try await activity.record(id: recordID).flatMap { stored in
            stored.unitId == line.unitId && stored.item == line.item && stored.year == inventory.year
                && stored.month == line.month ? stored : nil
        }
        let batch = try await record.asyncMap { try await activity.batch(id: $0.batchId) } ?? nil
        let citations = Dictionary(
            try await inventories.factors(inventoryID: id).map { ("\($0.factorSet)|\($0.factorId)", $0) },
            uniquingKeysWith: { first, _ in first })
        let item = ItemCatalog.bundled.item(code: line.item)?.name(in: language) ?? line.item
        let heading = (t[.lineageHeading]).replacingOccurrences(of: "{record}", with: String(recordID))
        let period = Period(year: inventory.year, month: line.month)?.description ?? String(inventory.year)
        var recordFacts: [DashboardPage.Fact] = [
            .init(label: t[.unit], value: unit.map { "\($0.name) (\($0.code))" } ?? String(line.unitId)),
            .init(label: t[.period], value: period), .init(label: t[.item], value: item),
        ]
        if let record {
            recordFacts += [
                .init(
                    label: t[.category],
                    value: ActivityCategory(rawValue: record.category)?.name(in: language) ?? record.category),
                .init(label: t[.quantity], value: "\(WebNumbers.plain(record.quantity)) \(record.uom)"),
            ]
            if let source = record.source { recordFacts.append(.init(label: t[.dataSource], value: source)) }
        }
        let batchFacts: [DashboardPage.Fact] =
            batch.map { batch in
                [
                    .init(label: t[.batch], value: "#\(batch.id) · \(t.text(forKey: "batch_\(batch.kind)", else: batch.kind))"),
                    .init(label: t[.fileName], value: batch.fileName ?? "—"),
                    .init(label: t[.templateVersion], value: batch.templateVersion ?? "—"),
                    .init(label: t[.contentHash], value: batch.contentHash ?? "—"),
                    .init(label: t[.enteredBy], value: batch.createdBy ?? "—"),
                    .init(label: t[.enteredAt], value: BeijingTime.show(batch.createdAt)),
                ]
            } ?? []
        let model = LineagePage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .inventoryLine,
                sameIn: { _ in .inventoryLine(inventory: id, record: recordID) }),
            heading: heading,
            crumbs: [
                root.map {
                    DashboardPage.Crumb(
                        name: $0.name, url: SiteURL.unit(id: $0.id, year: inventory.year).link(language))
                },
                DashboardPage.Crumb(
                    name: Self.inventoryHeading(inventory, unit: nil, t),
                    url: SiteURL.inventory(id: id, unit: nil, page: nil).link(language)),
            ].compactMap { $0 },
            record: recordFacts, recordMissing: record == nil, batch: batchFacts,
            results: [
                .init(label: t[.scope], value: t.text(forKey: "scope_\(line.scope)", else: line.scope)),
                .init(label: t[.gas], value: line.gas),
            ]
                + Self.tracedFigures(
                    location: line.co2eLocationT, market: line.co2eMarketT, calorific: line.tceCalorific,
                    equivalent: line.tceEquivalent, scope2Prefix: "", t),
            factors: line.factors.map { factor in
                LineagePage.Factor(
                    kind: factor.kind.name(in: language), value: WebNumbers.plain(factor.value),
                    unit: ReferenceTexts.bundled.shown(factor.unit, language),
                    notes: factor.notes.map { $0.text(in: language) },
                    citation: factor.id.flatMap { citations["\(factor.factorSet ?? "")|\($0)"] }.map {
                        FactorRow(stored: $0, t, language)
                    })
            })
        return renderer.response(model, template: "lineage")
    }

    /// Emissions by both scope-2 methods and energy by both conversions, in full, with their units.
    static func tracedFigures(
        location: Double, market: Double, calorific: Double, equivalent: Double, scope2Prefix: String,
        _ t: Words
    ) -> [DashboardPage.Fact] {
        [
            (scope2Prefix + (t[.scope2Location]), location, WordKey.unitTco2e),
            (scope2Prefix + (t[.scope2Market]), market, WordKey.unitTco2e),
            (t[.energyCalorific], calorific, WordKey.unitTce),
            (t[.energyEquivalent], equivalent, WordKey.unitTce),
        ].map { .init(label: $0.0, value: "\(WebNumbers.exact($0.1)) \(t[$0.2])") }
    }

    static func inventoryHeading(_ inventory: StoredInventory, unit: String?, _ t: Words) -> String {
        let title = (t[.inventoryHeading]).replacingOccurrences(of: "{id}", with: String(inventory.id))
            .replacingOccurrences(of: "{year}", with: String(inventory.year))
            .replacingOccurrences(of: "{version}", with: String(inventory.version))
        return unit.map { "\(title) · \($0)" } ?? title
    }
}
