import Accounting
import Hummingbird
import Persistence

/// Computing a unit's inventory from its page: one click when records exist and no inventory (or
/// only a stale one) covers the year, so no page says "no data" for data that exists.
extension PageHandlers {
    func computeInventory(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let form = try await FormPost.read(request)
        let language = request.language
        guard let id = context.parameters.get("id").flatMap(Int64.init),
            try await context.writeScope.contains(unitID: id, in: database)
        else { return notFound(request) }
        guard let year = Int(form["year"]), Period(year: year) != nil else {
            let t = renderer.strings.table(language)
            return renderer.response(
                EmptyPage(
                    layout: PageLayout(
                        strings: renderer.strings, language: language, title: t[.computeInventory], current: .unit,
                        sameIn: { _ in .unit(id: id, year: nil) }),
                    message: Problem.missingValue.text(in: language)),
                template: "empty", status: .unprocessableContent)
        }
        // The options the API takes by default (AR5, location-based scope 2, NDRC 2015 parameters).
        _ = try await inventories.compute(unitID: id, year: year, options: CalculationOptions())
        return Self.redirect(to: SiteURL.unit(id: id, year: year).link(language))
    }
}
