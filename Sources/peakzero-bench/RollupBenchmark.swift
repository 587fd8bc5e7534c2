import Accounting
import Foundation

/// The roll-up of `shared/bench-anchors/rollup_anchor.py`: value = quantity × to_base[unit] ×
/// kgco2e_per_base[factor], summed into (entity, scope, month, energy type) cells for every entity
/// including its descendants; checked against the anchor's expected.json.
struct RollupBenchmark {
    let data: String
    let threads: Int

    init(arguments: [String]) throws {
        guard let data = option("--data", in: arguments) else {
            throw NumericCSV.BadFile(path: "--data", reason: "give the folder rollup_anchor.py wrote")
        }
        self.data = data
        self.threads = Int(option("--threads", in: arguments) ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
    }

    static let scopes = 3, months = 12, energyTypes = 12
    static var cellsPerEntity: Int { scopes * months * energyTypes }

    struct Tables {
        var factorScope: [Int32] = []
        var factorType: [Int32] = []
        var factorKg: [Double] = []
        var toBase: [Double] = []
        var parent: [Int32] = []
    }

    struct Columns {
        var entity: [Int32]
        var factor: [Int32]
        var unit: [UInt8]
        var month: [UInt8]
        var quantity: [Double]
    }

    func run() throws {
        let (tables, tablesSeconds) = try seconds { try loadTables() }
        let (columns, ingestSeconds) = try seconds { try loadActivities() }
        let rows = columns.entity.count
        print("rows: \(rows), entities: \(tables.parent.count), threads: \(threads)")
        print(
            String(
                format: "ingest activities.csv: %.3f s (%.1f M rows/s); small tables %.3f s", ingestSeconds,
                Double(rows) / ingestSeconds / 1e6, tablesSeconds))
        let tree = try TreeRollup(parent: tables.parent, cellsPerEntity: Self.cellsPerEntity)
        var best = Double.infinity
        var result: [Double] = []
        for _ in 0..<5 {
            let (cells, s) = seconds { rollup(columns, tables, tree: tree) }
            best = min(best, s)
            result = cells
        }
        print(String(format: "roll-up: %.3f s (best of 5)", best))
        try check(result, tree: tree)
        print(String(format: "peak resident memory: %.0f MiB", peakResidentMiB()))
    }

    func rollup(_ c: Columns, _ t: Tables, tree: TreeRollup) -> [Double] {
        let n = c.entity.count
        var cell = [Int32](repeating: 0, count: n)
        var value = [Double](repeating: 0, count: n)
        let width = Int32(Self.cellsPerEntity)
        cell.withUnsafeMutableBufferPointer { cellOut in
            value.withUnsafeMutableBufferPointer { valueOut in
                nonisolated(unsafe) let cellPtr = cellOut.baseAddress!
                nonisolated(unsafe) let valuePtr = valueOut.baseAddress!
                DispatchQueue.concurrentPerform(iterations: threads) { part in
                    let lower = n * part / threads, upper = n * (part + 1) / threads
                    for i in lower..<upper {
                        let f = Int(c.factor[i])
                        valuePtr[i] = c.quantity[i] * t.toBase[Int(c.unit[i])] * t.factorKg[f]
                        cellPtr[i] =
                            c.entity[i] * width
                            + ((t.factorScope[f] - 1) * Int32(Self.months) + Int32(c.month[i]))
                            * Int32(Self.energyTypes)
                            + t.factorType[f]
                    }
                }
            }
        }
        var cells = cell.withUnsafeBufferPointer { cellBuffer in
            value.withUnsafeBufferPointer { valueBuffer in
                TreeRollup.accumulate(
                    cell: cellBuffer, values: valueBuffer, cellCount: t.parent.count * Self.cellsPerEntity,
                    threads: threads)
            }
        }
        tree.rollUp(&cells)
        return cells
    }

    func check(_ cells: [Double], tree: TreeRollup) throws {
        let url = URL(fileURLWithPath: data).appendingPathComponent("expected.json")
        guard let json = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
            let byScope = json["root_kgco2e_by_scope"] as? [Double], let total = json["root_kgco2e_total"] as? Double,
            let nonzero = json["nonzero_cells"] as? Int
        else { throw NumericCSV.BadFile(path: url.path, reason: "not the anchor's expected.json") }
        let perScope = Self.months * Self.energyTypes
        let root = Array(cells[0..<Self.cellsPerEntity])
        let mine = (0..<Self.scopes).map { s in root[(s * perScope)..<((s + 1) * perScope)].reduce(0, +) }
        let myTotal = root.reduce(0, +)
        let worst = zip(mine + [myTotal], byScope + [total]).map { abs($0 - $1) / abs($1) }.max() ?? .infinity
        let myNonzero = cells.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        print(
            String(
                format: "check: root total %.6f kgCO2e, worst relative difference %.2e, nonzero cells %d (expected %d)",
                myTotal, worst, myNonzero, nonzero))
        guard worst <= 1e-9, myNonzero == nonzero else {
            throw NumericCSV.BadFile(path: url.path, reason: "the roll-up does not reproduce expected.json")
        }
        if let anchors = json["seconds"] as? [String: Double] {
            for (name, s) in anchors.sorted(by: { $0.key < $1.key }) {
                print(String(format: "anchor %@: %.3f s", name, s))
            }
        }
    }

    func loadTables() throws -> Tables {
        var t = Tables()
        try parse("factors.csv") { p, i in
            _ = NumericCSV.int(p, &i)
            t.factorScope.append(Int32(NumericCSV.int(p, &i)))
            t.factorType.append(Int32(NumericCSV.int(p, &i)))
            t.factorKg.append(NumericCSV.decimal(p, &i))
        }
        try parse("units.csv") { p, i in
            _ = NumericCSV.int(p, &i)
            t.toBase.append(NumericCSV.decimal(p, &i))
        }
        try parse("tree.csv") { p, i in
            _ = NumericCSV.int(p, &i)
            t.parent.append(Int32(NumericCSV.int(p, &i)))
        }
        return t
    }

    private func parse(_ name: String, row: (UnsafeRawBufferPointer, inout Int) -> Void) throws {
        let bytes = try NumericCSV.bytes(URL(fileURLWithPath: data).appendingPathComponent(name).path)
        bytes.withUnsafeBytes { p in
            guard let range = NumericCSV.slices(p, parts: 1).first else { return }
            var i = range.lowerBound
            while i < range.upperBound { row(p, &i) }
        }
    }

    /// activities.csv in parallel slices, each into its own columns, then joined.
    func loadActivities() throws -> Columns {
        let bytes = try NumericCSV.bytes(URL(fileURLWithPath: data).appendingPathComponent("activities.csv").path)
        return bytes.withUnsafeBytes { p in
            let slices = NumericCSV.slices(p, parts: threads)
            nonisolated(unsafe) var parts = [Columns?](repeating: nil, count: slices.count)
            nonisolated(unsafe) let pointer = p
            DispatchQueue.concurrentPerform(iterations: slices.count) { s in
                let range = slices[s]
                let estimate = range.count / 24 + 16
                var c = Columns(entity: [], factor: [], unit: [], month: [], quantity: [])
                c.entity.reserveCapacity(estimate)
                c.factor.reserveCapacity(estimate)
                c.unit.reserveCapacity(estimate)
                c.month.reserveCapacity(estimate)
                c.quantity.reserveCapacity(estimate)
                var i = range.lowerBound
                while i < range.upperBound {
                    c.entity.append(Int32(NumericCSV.int(pointer, &i)))
                    c.factor.append(Int32(NumericCSV.int(pointer, &i)))
                    c.unit.append(UInt8(NumericCSV.int(pointer, &i)))
                    c.month.append(UInt8(NumericCSV.int(pointer, &i)))
                    c.quantity.append(NumericCSV.decimal(pointer, &i))
                }
                parts[s] = c
            }
            var all = parts[0]!
            for part in parts.dropFirst() {
                all.entity += part!.entity
                all.factor += part!.factor
                all.unit += part!.unit
                all.month += part!.month
                all.quantity += part!.quantity
            }
            return all
        }
    }
}
