import Accounting

/// An inventory rendered for people (a table) or for programs (JSON, CSV).
struct InventoryReport: FormattedReport {
    let inventory: Inventory
    let file: String
    let language: Language

    /// Notes for stderr: factors of grade U that entered the totals.
    var warnings: [String] {
        inventory.unverifiedFactors.map { entry, rows in
            let rowList = rows.map(String.init).joined(separator: ", ")
            return language.word(
                .unverifiedFactor,
                [
                    "rows": rowList, "id": entry.id, "kind": entry.kind.name(in: language),
                    "value": "\(entry.value.number)", "unit": entry.unitText, "notes": entry.notes,
                ])
        }
    }

    func itemName(_ code: String) -> String {
        inventory.lines.first { $0.record.item.code == code }?.record.item.name(in: language) ?? code
    }
}
