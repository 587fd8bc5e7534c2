import Accounting
import Assets
import Persistence
import Spreadsheet

extension Exports {
    /// Reduction projects in their template's layout (importable again in replace mode): one row per
    /// saved item, the project's own cells on its first row; types and stages named in the export's
    /// language. Derived figures (tce, CO2e, costs) are not exported: PeakZero computes them.
    public static func projects(_ projects: [StoredProject], language: Language) -> [ExportTable] {
        var rows: [[CellValue]] = []
        for project in projects {
            for (index, saving) in project.savings.enumerated() {
                var values: [String: CellValue] = [
                    "unit": .text(project.unitCode), "code": .text(project.code),
                    "item": .text(saving.item ?? ""), "quantity": saving.quantity.map(CellValue.number) ?? .empty,
                    "uom": .text(saving.unit ?? ""),
                ]
                if index == 0 {
                    values["name"] = .text(project.name)
                    values["type"] = .text(project.type.name(in: language))
                    values["stage"] = .text(project.stage.name(in: language))
                    values["first_year"] = .number(Double(project.firstYear))
                    values["lifetime_years"] = .number(Double(project.lifetimeYears))
                    values["capex"] = .number(project.capex)
                    values["yearly_opex"] = .number(project.yearlyOpex)
                    values["yearly_benefit"] = .number(project.yearlyBenefit)
                    values["interacts_with"] = .text(project.interactsWith.joined(separator: ","))
                    values["measure_id"] = project.measureId.map { .number(Double($0)) } ?? .empty
                }
                rows.append(Templates.Kind.projects.columns.map { values[$0.field] ?? .empty })
            }
        }
        return [table(.projects, rows: rows, language: language)]
    }

    /// Ledger entries in their template's layout, in the order they were booked (importable again
    /// into an empty ledger). A transfer between two units of the export is one `transfer` row; a
    /// transfer with an account outside it stays one-sided (in from, or out to, that account).
    public static func ledger(_ entries: [StoredAssetEvent], language: Language) -> [ExportTable] {
        let exported = Set(entries.map(\.unitCode))
        var rows: [[CellValue]] = []
        for stored in entries {
            let entry = stored.event
            let withinExport = exported.contains(entry.counterparty)
            if entry.action == .transferIn, withinExport { continue }
            let isTransfer = entry.action == .transferOut && withinExport
            let values: [String: CellValue] = [
                "unit": .text(stored.unitCode), "day": .text(entry.day.description),
                "action": .text(isTransfer ? (language == .zh ? "划转" : "transfer") : entry.action.name(in: language)),
                "kind": .text(entry.lot.kind.rawValue), "vintage": .number(Double(entry.lot.vintage)),
                "month": entry.lot.month.map { .number(Double($0)) } ?? .empty,
                "reference": .text(entry.lot.reference), "methodology": .text(entry.lot.methodology),
                "quantity": .number(Double(entry.quantity)), "price": entry.priceYuan.map(CellValue.number) ?? .empty,
                "counterparty": isTransfer ? .empty : .text(entry.counterparty),
                "compliance_year": entry.complianceYear.map { .number(Double($0)) } ?? .empty,
                "retired_for": .text(entry.retiredFor ?? ""),
                "late": entry.late ? .text(language == .zh ? "是" : "yes") : .empty,
                "to_unit": isTransfer ? .text(entry.counterparty) : .empty,
            ]
            rows.append(Templates.Kind.ledger.columns.map { values[$0.field] ?? .empty })
        }
        return [table(.ledger, rows: rows, language: language)]
    }
}
