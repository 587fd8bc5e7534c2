import Accounting
import Persistence
import Spreadsheet

extension Exports {
    /// Audit entries, newest first, every field as stored — the hashes too, so a copy can be
    /// checked against the chain — with the unit's code beside its id.
    public static func audit(_ entries: [AuditEntry], unitCodes: [Int64: String], language: Language) -> [ExportTable] {
        let zh = language == .zh
        let header =
            zh
            ? [
                "序号", "时间", "账号", "账号编号", "地址", "操作", "对象类型", "对象编号", "单位编号", "单位代码", "年", "月", "变更前", "变更后", "前一条哈希",
                "哈希",
            ]
            : [
                "id", "at", "actor", "actor id", "address", "action", "subject kind", "subject id", "unit id",
                "unit code", "year", "month", "before", "after", "previous hash", "hash",
            ]
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
        return [ExportTable(title: zh ? "审计日志" : "Audit trail", header: header, rows: rows)]
    }
}
