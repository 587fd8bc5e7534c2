import Accounting
import Hummingbird
import Persistence

extension UnitsAPI {
    /// The units API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<UnitsAPI>] = [
        APIEndpoint(
            .listUnits, .get, "/api/v1/units", subject: .narrowedByHandler, change: .nothing,
            summary: "List units (optionally the subtree of `under`, or a region by `region` code prefix)",
            query: [("under", "unit id: only its subtree"), ("region", "GB/T 2260 code or prefix: only units there")],
            tag: "units", response: .page(ReportingUnit.self)
        ) { $0.list },
        APIEndpoint(
            .createUnits, .post, "/api/v1/units", subject: .narrowedByHandler, change: .shared,
            summary: "Create one unit or a batch (a whole tree, parents first); all or nothing", success: .created,
            tag: "units", body: .json(NewUnit.self, batch: true), response: .items(ReportingUnit.self)
        ) { $0.create },
        APIEndpoint(
            .getUnit, .get, "/api/v1/units/{id}", subject: .unitInPath, change: .nothing, summary: "Fetch a unit",
            tag: "units", response: .json(ReportingUnit.self)
        ) { $0.get },
        APIEndpoint(
            .updateUnit, .put, "/api/v1/units/{id}", subject: .unitInPath, change: .shared,
            summary: "Change a unit; a new parent or share moves and re-weights its subtree", tag: "units", body: .json(NewUnit.self), response: .json(ReportingUnit.self)
        ) { $0.update },
        APIEndpoint(
            .deleteUnit, .delete, "/api/v1/units/{id}", subject: .unitInPath, change: .shared,
            summary: "Delete a unit without children or data", success: .noContent, tag: "units"
        ) { $0.delete },
        APIEndpoint(
            .listChildren, .get, "/api/v1/units/{id}/children", subject: .unitInPath, change: .nothing,
            summary: "The unit's direct children", tag: "units", response: .page(ReportingUnit.self)
        ) { $0.children },
    ]
}

extension PageHandlers {
    /// The units pages: what each serves, what it is about and what it changes.
    static let unitsPages: [PageEndpoint] = [
        PageEndpoint(.units, .get, "/units", subject: .narrowedByHandler, change: .nothing) { $0.list }
    ]
}
