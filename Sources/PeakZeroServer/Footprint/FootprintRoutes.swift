import Footprint
import Hummingbird
import Persistence

extension FootprintAPI {
    /// The product-footprint API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<FootprintAPI>] = [
        APIEndpoint(
            .listFootprintModels, .get, "/api/v1/units/{id}/footprint-models", subject: .unitInPath, change: .nothing,
            summary: "The product models (产品碳足迹模型) of a unit's subtree, by name",
            tag: "footprints", response: .page(FootprintAPI.ModelListing.self)
        ) { $0.list },
        APIEndpoint(
            .saveFootprintModel, .post, "/api/v1/units/{id}/footprint-models", subject: .unitInPath, change: .data,
            summary:
                "Save a product model of the unit (docs/footprint.md): `name`, `declared_unit`, `boundary`, `processes` with their `output`, `coproducts`, `allocation`, `inputs`, `emissions`, `background`, `electricity`; checked against the factor library and refused (422, each problem by process and exchange) when it cannot be computed",
            success: .created, tag: "footprints", body: .json(ProductModel.self), response: .json(StoredFootprintModel.self)
        ) { $0.save },
        APIEndpoint(
            .getFootprintModel, .get, "/api/v1/footprint-models/{id}", subject: .footprintModelInPath,
            change: .nothing, summary: "A product model as saved", tag: "footprints", response: .json(StoredFootprintModel.self)
        ) { $0.get },
        APIEndpoint(
            .replaceFootprintModel, .put, "/api/v1/footprint-models/{id}", subject: .footprintModelInPath,
            change: .data, summary: "Replace a product model (checked as when saved)", tag: "footprints",
            body: .json(ProductModel.self), response: .json(StoredFootprintModel.self)
        ) { $0.replace },
        APIEndpoint(
            .deleteFootprintModel, .delete, "/api/v1/footprint-models/{id}", subject: .footprintModelInPath,
            change: .data, summary: "Delete a product model", success: .noContent, tag: "footprints"
        ) { $0.delete },
        APIEndpoint(
            .computeFootprint, .get, "/api/v1/footprint-models/{id}/footprint", subject: .footprintModelInPath,
            change: .nothing,
            summary:
                "The model's carbon footprint (kg CO2e per declared unit): by stage, flow (gas, background factor, grid) and process, with each factor's source, per kWh of lifetime energy for a battery, and with `monte_carlo` draws the mean, median and 95 % interval",
            query: [
                ("gwp", "the GWP set: SAR, AR4, AR5 or AR6 (default)"),
                ("monte_carlo", "Monte Carlo draws, 0 (default) to 10,000"),
                ("seed", "the Monte Carlo seed, default 1; the same seed gives the same numbers"),
            ],
            tag: "footprints", response: .json(FootprintSummary.self)
        ) { $0.compute },
        APIEndpoint(
            .exportFootprint, .get, "/api/v1/footprint-models/{id}/footprint/export", subject: .footprintModelInPath,
            change: .nothing,
            summary:
                "The footprint as a workbook: declared unit, boundary, GWP set, total and range; stages; flows with each factor's value, id, source and year; processes; every Monte Carlo draw",
            query: [
                ("gwp", "the GWP set: SAR, AR4, AR5 or AR6 (default)"),
                ("monte_carlo", "Monte Carlo draws, 0 (default) to 10,000"),
                ("seed", "the Monte Carlo seed, default 1"),
                ("lang", "zh or en: the workbook's language"),
            ],
            returnsFile: true, tag: "footprints"
        ) { $0.export },
        APIEndpoint(
            .importFootprintModel, .post, "/api/v1/units/{id}/footprint-models/import", subject: .unitInPath,
            change: .data,
            summary:
                "Save a product model of the unit from a file (multipart/form-data field `file`, or the raw file with `file_name`): PeakZero's JSON form, the product model template (XLSX or CSV, `/api/v1/templates/footprint`) or an openLCA JSON-LD export (zip); checked as when saved; 201 with the model and the reader's notes, 422 naming each problem by file, row or archive entry",
            query: [
                ("file_name", "the file's name, when the body is the raw file"),
                ("product_system", "for an openLCA export holding several product systems: the one to import (name or id)"),
            ],
            success: .created, tag: "footprints", body: .file, response: .json(FootprintAPI.Imported.self)
        ) { $0.importModel },
        APIEndpoint(
            .footprintModelTemplate, .get, "/api/v1/footprint-models/{id}/template", subject: .footprintModelInPath,
            change: .nothing,
            summary:
                "The model as the product model template (to edit in a spreadsheet and import again), headers in the request's language",
            query: [("format", "xlsx (default) or csv"), ("lang", "zh or en (default: Accept-Language)")],
            returnsFile: true, tag: "footprints"
        ) { $0.template },
        APIEndpoint(
            .footprintDeclaration, .get, "/api/v1/footprint-models/{id}/declaration", subject: .footprintModelInPath,
            change: .nothing,
            summary:
                "The footprint with what a GB/T 24067-2024 (ISO 14067) report states beyond its figures: partial or whole, cut-off, allocation of each multi-output process, greenhouse gases one by one with the GWP used, what comes through background and grid factors, flows kept outside the total, and each process's data quality and factor sources",
            query: [
                ("gwp", "the GWP set: SAR, AR4, AR5 or AR6 (default)"),
                ("monte_carlo", "Monte Carlo draws, 0 (default) to 10,000"),
                ("seed", "the Monte Carlo seed, default 1"),
            ],
            tag: "footprints", response: .json(FootprintAPI.DeclarationBody.self)
        ) { $0.declaration },
    ]
}

extension PageHandlers {
    /// The product-footprint pages: what each serves, what it is about and what it changes.
    static let footprintPages: [PageEndpoint] = [
        PageEndpoint(.footprints, .get, "/units/{id}/footprints", subject: .unitInPath, change: .nothing) {
            $0.footprintsPage
        },
        PageEndpoint(.footprintCreate, .post, "/units/{id}/footprints", subject: .unitInPath, change: .data) {
            $0.createFootprintModel
        },
        PageEndpoint(.footprintModel, .get, "/footprint-models/{id}", subject: .footprintModelInPath, change: .nothing)
        {
            $0.footprintModelPage
        },
        PageEndpoint(
            .footprintImport, .post, "/units/{id}/footprints/import", subject: .unitInPath, change: .data
        ) { $0.importFootprintModelPage },
        PageEndpoint(
            .footprintDelete, .post, "/footprint-models/{id}/delete", subject: .footprintModelInPath, change: .data
        ) { $0.deleteFootprintModelPage },
    ]
}
