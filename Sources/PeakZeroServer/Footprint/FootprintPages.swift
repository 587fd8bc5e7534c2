import Accounting
import Footprint
import Foundation
import Hummingbird
import Intake
import Persistence

/// Product footprints on the web: a unit's models, and one model's footprint.
extension PageHandlers {
    /// The numbers of Monte Carlo draws a page offers (the API allows any up to its largest).
    static let pageMonteCarloDraws = [200, 1_000, 5_000]

    func footprintsPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await footprintsPage(request, context, modelText: "", problems: [])
    }

    /// - Parameter unitID: the unit, when the path's `{id}` names something else (a model).
    func footprintsPage(
        _ request: Request, _ context: PeakZeroContext, unitID: Int64? = nil, modelText: String, problems: [String],
        status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = unitID ?? context.parameters.get("id").flatMap(Int64.init),
            let unit = try? await units.unit(id: id)
        else {
            return notFound(request)
        }
        let models = try await FootprintModelStore(database).list(under: id)
        let rows = models.map { stored in
            FootprintsPage.Row(
                name: stored.name, url: SiteURL.footprintModel(id: stored.id).link(language), unitCode: stored.unitCode,
                processes: stored.model.processes.count,
                boundary: t.text(forKey: "footprint_boundary_\(stored.model.boundary.rawValue)"),
                updated: String(BeijingTime.show(stored.updatedAt).prefix(10)))
        }
        let mayAdd = try await context.writeScope.contains(unitID: id, in: database)
        let heading = "\(t[.footprintsTitle]) · \(unit.name)"
        let model = FootprintsPage(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: heading, current: .footprints,
                sameIn: { _ in .footprints(unit: id) }),
            heading: heading, rows: rows, hasRows: !rows.isEmpty,
            createAction: mayAdd ? SiteURL.createFootprint(unit: id).link(language) : nil,
            importAction: mayAdd ? SiteURL.importFootprint(unit: id).link(language) : nil,
            templateURL: APIRoute.getTemplate.path.replacingOccurrences(of: "{kind}", with: "footprint")
                + "?format=xlsx&lang=\(language.rawValue)", problems: problems,
            hasProblems: !problems.isEmpty, modelText: modelText)
        return renderer.response(model, template: "footprints", status: status)
    }

    func createFootprintModel(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        let text = form["model"]
        var problems: [String] = []
        do {
            let model = try ProductModel.decode(json: Data(text.utf8))
            do {
                _ = try await FootprintFigures.calculation(model, gwp: .ar6, in: database)
                let saved = try await FootprintModelStore(database).save(model, unitID: id)
                return Self.redirect(to: SiteURL.footprintModel(id: saved.id).link(language))
            } catch let error as FootprintProblems {
                problems = error.problems.map { $0.message(language) }
            }
        } catch let error as DecodingError {
            problems = [renderer.strings.table(language).text(forKey: "footprints_unreadable") + " " + error.summary]
        }
        return try await footprintsPage(
            request, context, modelText: text, problems: problems, status: .unprocessableContent)
    }

    func footprintModelPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let stored = try? await FootprintModelStore(database).model(id: id)
        else { return notFound(request) }
        let gwp = request.uri.queryParameters.get("gwp").flatMap { GWPSet(parsing: String($0)) } ?? .ar6
        let draws = request.uri.queryParameters.get("monte_carlo").flatMap { Int($0) }
            .flatMap { Self.pageMonteCarloDraws.contains($0) ? $0 : nil }
        let calculation: FootprintCalculation
        do {
            calculation = try await FootprintFigures.calculation(stored.model, gwp: gwp, in: database)
        } catch let error as FootprintProblems {
            // Kept models were computable when saved; a factor set removed since can break one.
            return try await footprintsPageWithProblems(request, context, stored, error.problems)
        }
        let result = calculation.result()
        let summary = await FootprintFigures.summary(
            calculation, of: stored.model, result: result, gwp: gwp, draws: draws ?? 0, seed: 1, language: language)
        let tree = calculation.contributionTree(result)
        let page = FootprintPageBuilder(
            summary: summary, tree: tree, system: calculation.system, model: stored.model, language: language,
            strings: t
        ).page(
            layout: PageLayout(
                strings: renderer.strings, language: language, title: stored.name, current: .footprintModel,
                sameIn: { _ in .footprintModel(id: id, gwp: gwp.rawValue, monteCarlo: draws) }),
            listURL: SiteURL.footprints(unit: stored.unitId).link(language),
            choices: GWPSet.allCases.map { set in
                .init(
                    label: set.rawValue,
                    url: SiteURL.footprintModel(id: id, gwp: set.rawValue, monteCarlo: draws).link(language),
                    current: set == gwp)
            }, monteCarloAction: SiteURL.footprintModel(id: id).path,
            exportURL: APIRoute.exportFootprint.path.replacingOccurrences(of: "{id}", with: String(id))
                + "?gwp=\(gwp.rawValue)&monte_carlo=\(draws ?? 0)&lang=\(language.rawValue)", gwp: gwp.rawValue,
            templateURL: APIRoute.footprintModelTemplate.path.replacingOccurrences(of: "{id}", with: String(id))
                + "?format=xlsx&lang=\(language.rawValue)",
            deleteAction: try await context.writeScope.contains(unitID: stored.unitId, in: database)
                ? SiteURL.deleteFootprint(id: id).link(language) : nil,
            imported: request.uri.queryParameters.get("imported") == "1")
        return renderer.response(page, template: "footprint-model")
    }

    /// A model file imported (`FootprintImport`): to its page, or back to the list naming each problem.
    func importFootprintModelPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let language = request.language
        let t = renderer.strings.table(language)
        guard let id = context.parameters.get("id").flatMap(Int64.init) else { return notFound(request) }
        guard let upload = try await FileUpload.read(request, context) else {
            return try await footprintsPage(
                request, context, modelText: "", problems: [t.text(forKey: "footprints_no_file")],
                status: .unprocessableContent)
        }
        guard importGate.enter() else {
            return try await footprintsPage(
                request, context, modelText: "",
                problems: [language.say(.importsBusy, ["limit": "\(importGate.limit)", "seconds": "\(ImportGate.retryAfter)"])],
                status: .tooManyRequests)
        }
        defer { importGate.leave() }
        let productSystem = upload.field("product_system").trimmingCharacters(in: .whitespacesAndNewlines)
        switch try await FootprintImport.checked(
            upload.file.data, name: IntakeAPI.safeName(upload.file.fileName ?? "model"),
            productSystem: productSystem.isEmpty ? nil : productSystem, limits: workbookLimits, database: database)
        {
        case .success(let imported):
            let saved = try await FootprintModelStore(database).save(imported.model, unitID: id)
            return Self.redirect(to: SiteURL.footprintModel(id: saved.id).link(language) + "&imported=1")
        case .failure(let issues):
            return try await footprintsPage(
                request, context, modelText: "", problems: issues.issues.map { $0.message(in: language) },
                status: .unprocessableContent)
        }
    }

    func deleteFootprintModelPage(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        _ = try await FormPost.read(request)
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            let stored = try? await FootprintModelStore(database).model(id: id)
        else { return notFound(request) }
        try await FootprintModelStore(database).delete(id: id)
        return Self.redirect(to: SiteURL.footprints(unit: stored.unitId).link(request.language))
    }

    private func footprintsPageWithProblems(
        _ request: Request, _ context: PeakZeroContext, _ stored: StoredFootprintModel, _ problems: [FootprintProblem]
    ) async throws -> Response {
        try await footprintsPage(
            request, context, unitID: stored.unitId,
            modelText: String(decoding: try stored.model.encodedJSON(), as: UTF8.self),
            problems: problems.map { $0.message(request.language) }, status: .unprocessableContent)
    }
}
