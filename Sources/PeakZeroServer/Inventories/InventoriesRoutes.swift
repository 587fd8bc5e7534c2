import Hummingbird

extension InventoriesAPI {
    /// The inventories API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<InventoriesAPI>] = [
        APIEndpoint(
            .listInventories, .get, "/api/v1/inventories", subject: .narrowedByHandler, change: .nothing,
            summary: "Inventories, newest first, optionally of one `unit_id` and `year`",
            query: [("unit_id", "only inventories of this unit"), ("year", "only this year")], tag: "inventories", response: .page(InventoryBody.self)
        ) { $0.list },
        APIEndpoint(
            .computeInventory, .post, "/api/v1/inventories", subject: .narrowedByHandler, change: .data,
            summary: "Compute and store the inventory of a unit's subtree for a year (a new version)",
            success: .created, tag: "inventories", body: .json(InventoriesAPI.ComputeRequest.self), response: .json(InventoryBody.self)
        ) { $0.compute },
        APIEndpoint(
            .getInventory, .get, "/api/v1/inventories/{id}", subject: .inventoryInPath, change: .nothing,
            summary: "An inventory's options, factor library and totals", tag: "inventories", response: .json(InventoryBody.self)
        ) { $0.get },
        APIEndpoint(
            .getInventoryLines, .get, "/api/v1/inventories/{id}/lines", subject: .inventoryInPath, change: .nothing,
            summary: "An inventory's lines with their lineage, and the factors it used with citations",
            tag: "inventories", response: .json(InventoriesAPI.LinesBody.self)
        ) { $0.lines },
    ]
}

extension PageHandlers {
    /// The inventories pages: what each serves, what it is about and what it changes.
    static let inventoriesPages: [PageEndpoint] = [
        PageEndpoint(.inventory, .get, "/inventories/{id}", subject: .inventoryInPath, change: .nothing) {
            $0.inventory
        },
        PageEndpoint(
            .inventoryLine, .get, "/inventories/{id}/lines/{record}", subject: .inventoryInPath, change: .nothing
        ) { $0.inventoryLine },
        PageEndpoint(.inventoryCompute, .post, "/units/{id}/inventories/compute", subject: .unitInPath, change: .data) {
            $0.computeInventory
        },
    ]
}
