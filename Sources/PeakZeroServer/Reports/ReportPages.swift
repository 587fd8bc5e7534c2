import Accounting
import Foundation
import Hummingbird
import Persistence
import Reports

/// The GHG inventory report as a print-ready page: every table of the report's model, nothing
/// typed by hand, with the workbook and JSON of the same model a link away.
extension PageHandlers {
    func inventoryReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init), let unit = try? await units.unit(id: id)
        else { return notFound(request) }
        let years = Set(try await inventories.list().map(\.year)).sorted()
        let asked = request.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        let year = asked ?? years.last ?? clock.year
        let method = request.uri.queryParameters.get("scope2").flatMap { Scope2Method(rawValue: String($0)) }
            ?? .location
        let heading = "\(t.text(forKey: "report_inventory_title")) · \(unit.name) · \(year)"
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: heading, current: .inventoryReport,
            sameIn: { _ in .inventoryReport(unit: id, year: year) })
        let report: GHGInventoryReport
        do {
            report = try await InventoryReportSource(database).report(
                unitID: id, year: year, method: method, language: language)
        } catch StoreError.conflict {
            let page = InventoryReportPage.missing(
                layout: layout, heading: heading, message: t.text(forKey: "report_no_inventory"),
                years: years.map { .init(label: String($0), url: SiteURL.inventoryReport(unit: id, year: $0).link(language), current: $0 == year) })
            return renderer.response(page, template: "report-inventory", status: .notFound)
        }
        let api = APIRoute.inventoryReport.path.replacingOccurrences(of: "{id}", with: String(id))
        var page = InventoryReportPage(
            report, layout: layout, heading: heading, strings: t, language: language,
            years: years.map {
                .init(
                    label: String($0), url: SiteURL.inventoryReport(unit: id, year: $0).link(language),
                    current: $0 == year)
            },
            workbookURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&format=xlsx&lang=\(language.rawValue)",
            jsonURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&lang=\(language.rawValue)",
            pdfURL: "\(api)?year=\(year)&scope2=\(method.rawValue)&format=pdf&lang=\(language.rawValue)",
            printedOn: clock.today)
        if try await context.writeScope.contains(unitID: id, in: database) {
            page.issueAction = SiteURL.issueInventoryReport(unit: id).link(language)
        }
        page.year = String(year)
        page.scope2 = method.rawValue
        page.issuedReports = try await IssuedReportStore(database).list(under: id).filter { $0.unitId == id }.map {
            .init(
                label: "#\($0.id) · \($0.year) · \(BeijingTime.minute(of: $0.issuedAt)) · \(ActorName.shown($0.issuedBy, t))",
                url: SiteURL.issuedReport(id: $0.id).link(language), current: false)
        }
        return renderer.response(page, template: "report-inventory")
    }

    /// Issues the report shown (its year and Scope 2 method), then shows it as issued.
    func issueInventoryReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init), let year = Int(form["year"]) else {
            return notFound(request)
        }
        let method = Scope2Method(rawValue: form["scope2"]) ?? .location
        let report: GHGInventoryReport
        do {
            report = try await InventoryReportSource(database).report(
                unitID: id, year: year, method: method, language: language)
        } catch StoreError.conflict {
            return Self.redirect(to: SiteURL.inventoryReport(unit: id, year: year).link(language))
        }
        let issued = try await IssuedReportStore(database).issue(.inventory(report), unitID: id)
        return Self.redirect(to: SiteURL.issuedReport(id: issued.id).link(language))
    }

    /// An issued report, shown from what was kept when it was issued, by its kind.
    func issuedReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let issued = try? await IssuedReportStore(database).report(id: id)
        else { return notFound(request) }
        let api = APIRoute.getIssuedReport.path.replacingOccurrences(of: "{id}", with: String(id))
        let issuedNote = t.text(forKey: "report_issued_note")
            .replacingOccurrences(of: "{id}", with: String(id))
            .replacingOccurrences(of: "{when}", with: BeijingTime.minute(of: issued.issuedAt))
            .replacingOccurrences(of: "{who}", with: ActorName.shown(issued.issuedBy, t))
        let newer = try await InventoryReportSource(database).hasNewerData(issued)
        let newerNote = newer ? t.text(forKey: "report_newer_data") : nil
        let urls = (
            workbook: "\(api)?format=xlsx&lang=\(language.rawValue)", json: "\(api)?lang=\(language.rawValue)",
            pdf: "\(api)?format=pdf&lang=\(language.rawValue)"
        )
        func layout(_ heading: String) -> PageLayout {
            PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .issuedReport,
                sameIn: { _ in .issuedReport(id: id) })
        }
        switch issued.content {
        case .inventory(let report):
            let heading = "\(t.text(forKey: "report_inventory_title")) · \(report.basis.unitName) · \(issued.year)"
            var page = InventoryReportPage(
                report, layout: layout(heading), heading: heading, strings: t, language: language, years: [],
                workbookURL: urls.workbook, jsonURL: urls.json, pdfURL: urls.pdf, printedOn: clock.today)
            page.issuedNote = issuedNote
            page.newerDataNote = newerNote
            page.currentURL = SiteURL.inventoryReport(unit: issued.unitId, year: issued.year).link(language)
            return renderer.response(page, template: "report-inventory")
        case .climate(let report):
            let heading = "\(t.text(forKey: "climate_title")) · \(report.basis.unitName) · \(issued.year)"
            var page = ClimateReportPage(
                report, layout: layout(heading), heading: heading, strings: t, language: language, years: [],
                printedOn: String(issued.issuedAt.prefix(10)))
            (page.workbookURL, page.jsonURL, page.pdfURL) = urls
            page.issuedNote = issuedNote
            page.newerDataNote = newerNote
            page.currentURL = SiteURL.climateReport(unit: issued.unitId, year: issued.year).link(language)
            return renderer.response(page, template: "report-climate")
        case .supervisor(let report):
            let heading = "\(t.text(forKey: "supervisor_title")) · \(report.basis.unitName) · \(issued.year)"
            var page = SupervisorReportPage(
                report, layout: layout(heading), heading: heading, strings: t, language: language, years: [])
            (page.workbookURL, page.jsonURL, page.pdfURL) = urls
            page.issuedNote = issuedNote
            page.newerDataNote = newerNote
            page.currentURL =
                issued.regionCode.map { SiteURL.regionSupervisorReport(code: $0, year: issued.year).link(language) }
                ?? SiteURL.supervisorReport(unit: issued.unitId, year: issued.year).link(language)
            return renderer.response(page, template: "report-supervisor")
        }
    }
}
