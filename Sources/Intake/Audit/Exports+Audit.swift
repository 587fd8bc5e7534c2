import Accounting
import Persistence
import Spreadsheet

extension Exports {
    /// Audit entries, newest first, every field as stored — the hashes too, so a copy can be
    /// checked against the chain — with the unit's code beside its id.
    public static func audit(_ entries: [AuditEntry], unitCodes: [Int64: String], language: Language) -> [ExportTable] {
        let header = language.lines(.auditHeader)
        func text(_ value: String?) -> CellValue { value.map(CellValue.text) ?? .empty }
        func number(_ value: Int64?) -> CellValue { value.map { .number(Double($0)) } ?? .empty }
        let rows: [[CellValue]] = entries.map { entry in
            [
                number(entry.id), .text(entry.at), .text(entry.actor), number(entry.actorId), text(entry.address),
                .text(entry.action), .text(entry.subjectKind), text(entry.subjectId), number(entry.unitId),
                text(entry.unitId.flatMap { unitCodes[$0] }), number(entry.year.map(Int64.init)),
                number(entry.month.map(Int64.init)), text(entry.beforeState), text(entry.afterState),
                .text(entry.previousHash), .text(entry.hash),
            ]
        }
        return [ExportTable(title: language.word(.auditTitle), header: header, rows: rows)]
    }
}
