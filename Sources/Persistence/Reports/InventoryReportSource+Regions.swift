import Accounting
import Foundation
import Reports
import SQLKit

extension InventoryReportSource {
    /// The subtree's figures by the city (or, for units registered at a province itself, the
    /// province) each unit is registered in: every unit's own figures — its stored summary's total
    /// less its children's — added up by region, so the parts add up to the total. Nil when the
    /// inventory has no per-unit summaries (then no region breakdown is claimed).
    func regionParts(unitID: Int64, inventory: StoredInventory, language: Language) async throws
        -> [GHGInventoryReport.Part]?
    {
        let units = try await UnitStore(database).list(under: unitID, scope: .everything)
        var cells: [String: [Double]] = [:]
        for chunk in units.chunked(by: 2_000) {
            let subjects = chunk.map { "u:\($0.id)" }
            let rows = try await database.sql.select().columns("subject", "payload").from("inventory_summaries")
                .where("inventory_id", .equal, SQLBind(inventory.id))
                .where("subject", .in, SQLBind.group(subjects)).all()
            guard rows.count == chunk.count else { return nil }
            var summaries: [String: ScopesAndChildren] = [:]
            let decoder = JSONDecoder()
            for row in rows {
                summaries[try row.decode(column: "subject", as: String.self)] = try decoder.decode(
                    ScopesAndChildren.self, from: Data(try row.decode(column: "payload", as: String.self).utf8))
            }
            for unit in chunk {
                guard let summary = summaries["u:\(unit.id)"] else { return nil }
                var own = summary.scopes.values.reduce([0, 0, 0, 0, 0]) { RollupSummary.add($0, $1) }
                for child in summary.children.values { own = zip(own, child).map { $0 - $1 } }
                cells[Self.regionKey(unit.regionCode), default: [0, 0, 0, 0, 0]] =
                    zip(cells[Self.regionKey(unit.regionCode)] ?? [0, 0, 0, 0, 0], own).map { $0 + $1 }
            }
        }
        return cells.map { key, cell in
            GHGInventoryReport.Part(
                key: key, name: AdministrativeDivisions.bundled.name(ofPrefix: key, language), RollupSummary.figures(cell))
        }
    }

    /// The two parts of a stored summary a unit's own figures need (the rest is skipped unread).
    struct ScopesAndChildren: Decodable {
        let scopes: [String: [Double]]
        let children: [String: [Double]]
    }

    /// A unit's region at the city level: `5101` for 510104; `51` for a unit registered at 510000.
    static func regionKey(_ code: String) -> String {
        let city = String(code.prefix(4))
        return city.count == 4 && !city.hasSuffix("00") ? city : String(code.prefix(2))
    }
}
