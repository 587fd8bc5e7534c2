import Accounting
import Foundation
import Hummingbird
import Persistence
import Reports

/// The climate section's pages: the preview with its narrative form, saving the narrative, issuing.
extension PageHandlers {
    func climateReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        guard let id = context.parameters.get("id").flatMap(Int64.init), (try? await units.unit(id: id)) != nil else {
            return notFound(request)
        }
        let year = request.uri.queryParameters.get("year").flatMap { Int(String($0)) }
        let method = request.uri.queryParameters.get("scope2").flatMap { Scope2Method(rawValue: String($0)) }
        return try await climatePage(
            request, context, unitID: id, year: year, method: method ?? .location, draft: nil,
            saved: request.uri.queryParameters.get("saved") != nil)
    }

    /// The preview page; with `draft`, the narrative as the form sent it and what is wrong with it.
    func climatePage(
        _ request: Request, _ context: PeakZeroContext, unitID id: Int64, year asked: Int?, method: Scope2Method,
        draft: (narrative: ClimateNarrative, problems: [String: String])?, saved: Bool
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        let unit = try await units.unit(id: id)
        let years = Set(try await inventories.list().map(\.year)).sorted()
        let year = asked ?? years.last ?? clock.year
        let heading = "\(t.text(forKey: "climate_title")) · \(unit.name) · \(year)"
        let layout = PageLayout(
            strings: renderer.strings, language: language, title: heading, current: .climateReport,
            sameIn: { _ in .climateReport(unit: id, year: year) })
        let choices = years.map {
            InventoryReportPage.Choice(
                label: String($0), url: SiteURL.climateReport(unit: id, year: $0).link(language), current: $0 == year)
        }
        var report: ClimateDisclosure
        do {
            report = try await ClimateDisclosureSource(database).report(
                unitID: id, year: year, method: method, scope: context.readScope, language: language)
        } catch StoreError.conflict {
            return renderer.response(
                ClimateReportPage(
                    layout: layout, heading: heading, years: choices, missing: t.text(forKey: "report_no_inventory")),
                template: "report-climate", status: .notFound)
        }
        if let draft { report.narrative = draft.narrative }
        var page = ClimateReportPage(
            report, layout: layout, heading: heading, strings: t, language: language, years: choices,
            printedOn: clock.today)
        let api = APIRoute.climateReport.path.replacingOccurrences(of: "{id}", with: String(id))
        let query = "year=\(year)&scope2=\(method.rawValue)&lang=\(language.rawValue)"
        page.workbookURL = "\(api)?\(query)&format=xlsx"
        page.jsonURL = "\(api)?\(query)"
        page.pdfURL = "\(api)?\(query)&format=pdf"
        page.year = String(year)
        page.scope2 = method.rawValue
        page.saved = saved
        if let problems = draft?.problems, !problems.isEmpty {
            page.hasProblems = true
            for index in page.parts.indices { page.parts[index].problem = problems[page.parts[index].field] }
            page.metricsPart?.problem = problems["metrics_and_targets"]
            page.recalculationPart?.problem = problems["recalculation_policy"]
            page.assurancePart?.problem = problems["assurance"]
        }
        if try await context.writeScope.contains(unitID: id, in: database) {
            page.narrativeAction = SiteURL.saveClimateNarrative(unit: id).link(language)
            page.issueAction = SiteURL.issueClimateReport(unit: id).link(language)
        }
        page.issuedReports = try await IssuedReportStore(database).list(under: id)
            .filter { $0.unitId == id && $0.kind == "climate" }
            .map {
                .init(
                    label: "#\($0.id) · \($0.year) · \(BeijingTime.minute(of: $0.issuedAt)) · \(ActorName.shown($0.issuedBy, t))",
                    url: SiteURL.issuedReport(id: $0.id).link(language), current: false)
            }
        return renderer.response(page, template: "report-climate", status: draft?.problems.isEmpty == false ? .unprocessableContent : .ok)
    }

    /// Saves the narrative the form sent; on a problem, the page again with the texts kept and each
    /// problem above its section.
    func saveClimateNarrativePage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init), let year = Int(form["year"]) else {
            return notFound(request)
        }
        var narrative = ClimateNarrative()
        for field in ClimateNarrative.fields { narrative[field] = form[field] }
        do {
            _ = try await ReportNarrativeStore(database).save(narrative, unitID: id, year: year)
        } catch StoreError.invalid(let issues) {
            var problems: [String: String] = [:]
            for issue in issues {
                guard let field = issue.column else { continue }
                problems[field] = issue.problem.text(in: language)
            }
            return try await climatePage(
                request, context, unitID: id, year: year, method: .location, draft: (narrative, problems), saved: false)
        }
        return Self.redirect(to: SiteURL.climateReport(unit: id, year: year).link(language) + "&saved=1")
    }

    /// Issues the section shown (its year and Scope 2 method), then shows it as issued.
    func issueClimateReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init), let year = Int(form["year"]) else {
            return notFound(request)
        }
        let method = Scope2Method(rawValue: form["scope2"]) ?? .location
        let report: ClimateDisclosure
        do {
            report = try await ClimateDisclosureSource(database).report(
                unitID: id, year: year, method: method, scope: context.readScope, language: language)
        } catch StoreError.conflict {
            return Self.redirect(to: SiteURL.climateReport(unit: id, year: year).link(language))
        }
        let issued = try await IssuedReportStore(database).issue(.climate(report), unitID: id)
        return Self.redirect(to: SiteURL.issuedReport(id: issued.id).link(language))
    }

    /// Issues the supervisor's report shown, as of today, then shows it as issued.
    func issueSupervisorReportPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init), let year = Int(form["year"]) else {
            return notFound(request)
        }
        let report: SupervisorReport
        do {
            report = try await SupervisorReportSource(database).report(
                unitID: id, year: year, asOf: clock.today, scope: context.readScope, language: language)
        } catch StoreError.conflict {
            return Self.redirect(to: SiteURL.supervisorReport(unit: id, year: year).link(language))
        }
        let issued = try await IssuedReportStore(database).issue(.supervisor(report), unitID: id)
        return Self.redirect(to: SiteURL.issuedReport(id: issued.id).link(language))
    }
}
