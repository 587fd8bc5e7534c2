import Accounting
import FastStructures
import Foundation

/// The lineages of an inventory's lines: what lines share — item, category, scope, gas and the
/// factors with their notes — stored once each and numbered from 1, key by key in the order keys
/// are met, so lines can be written with their lineage id while later keys are still being read.
struct LineageTable {
    /// The lineage id of each key added, in order.
    var idOfKey: [Int64] { numbering.numbers }
    /// The distinct lineages as rows (lineage id, item, category, scope, gas, factors as JSON),
    /// without the inventory id.
    private(set) var rows: [[BulkValue]] = []
    private var numbering = FirstSeenNumbering<LineageKey>()
    private let encoder = JSONEncoder()

    struct LineageKey: Hashable {
        struct Use: Hashable {
            let kind: FactorKind
            let id: String?
            let set: String?
            let value: Double
            let unit: String
            let notes: [LineageNote]
        }
        let item: String
        let category: String
        let scope: String
        let gas: String
        let uses: [Use]
    }

    /// Adds the next key: its template and the record it was made from.
    mutating func add(_ template: LineTemplate, of record: ActivityRecord) throws {
        let key = LineageKey(
            item: record.item.code, category: record.category.rawValue, scope: template.scope.rawValue,
            gas: template.gas,
            uses: template.factors.map {
                .init(
                    kind: $0.kind, id: $0.entry?.id, set: $0.entry?.setName, value: $0.value, unit: $0.unit,
                    notes: $0.notes)
            })
        let (id, isNew) = numbering.meet(key)
        guard isNew else { return }
        let lineage = key.uses.map {
            LineFactor(kind: $0.kind, value: $0.value, unit: $0.unit, id: $0.id, factorSet: $0.set, notes: $0.notes)
        }
        rows.append([
            .int(id), .text(key.item), .text(key.category), .text(key.scope), .text(key.gas),
            .text(String(decoding: try encoder.encode(lineage), as: UTF8.self)),
        ])
    }
}
