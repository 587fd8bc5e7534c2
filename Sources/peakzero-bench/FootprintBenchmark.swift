import Foundation
import Footprint
import SparseLU

/// The footprint solver against SuiteSparse KLU and UMFPACK on an ecoinvent-sized system written by
/// `lca_anchor.py`: the same steps, timed the same way, and the anchor's checksums reproduced.
///
///   peakzero-bench footprint --data DIR [--mc 20]
struct FootprintBenchmark {
    let data: URL
    let monteCarlo: Int

    init(arguments: [String]) throws {
        guard let folder = option("--data", in: arguments) else {
            throw NumericCSV.BadFile(path: "--data", reason: "give the folder lca_anchor.py wrote")
        }
        data = URL(fileURLWithPath: folder)
        monteCarlo = Int(option("--mc", in: arguments) ?? "20") ?? 20
    }

    func run() throws {
        let expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: data.appendingPathComponent("expected.json")))
            as? [String: Any]
        let a = try matrix("A", rows: nil)
        let b = try matrix("B", rows: expected?["flows"] as? Int)
        let c = try doubles("c.f64")
        let demands = try integers("demands.i64")
        print("A \(a.rowCount) × \(a.columnCount), \(a.nonZeroCount) entries; B \(b.rowCount) flows, \(b.nonZeroCount)")

        if let repeats = ProcessInfo.processInfo.environment["PEAKZERO_SYMBOLIC_REPEATS"].flatMap(Int.init) {
            for _ in 0..<repeats { _ = try SparseLUAnalysis(a) }
        }
        let (analysis, symbolic) = try seconds { try SparseLUAnalysis(a) }
        // The first analysis pays for fresh memory and first use; the same work again, for the record.
        let (_, symbolicAgain) = try seconds { try SparseLUAnalysis(a) }
        print(String(format: "symbolic again %.5f s", symbolicAgain))
        let (factors, numeric) = try seconds { try SparseLU(a, analysis: analysis) }
        print(
            "blocks \(factors.analysis.blockCount); cyclic \(factors.analysis.cyclicBlockSizes); "
                + "borders \(factors.analysis.borderSizes)")

        var x = [Double](repeating: 0, count: a.columnCount)
        var scratch = x
        var unit = x
        let (total, scores) = seconds { () -> Double in
            var total = 0.0
            for demand in demands {
                unit[demand] = 1
                factors.solve(unit, into: &x, scratch: &scratch)
                unit[demand] = 0
                total += dot(c, b.multiply(x))
            }
            return total
        }
        unit[demands[0]] = 1
        factors.solve(unit, into: &x, scratch: &scratch)
        let residual = zip(a.multiply(x), unit).map { abs($0 - $1) }.max() ?? 0

        let btc = b.multiplyTransposed(c)
        let (all, allScores) = seconds { factors.solveTransposed(btc) }
        let (_, inPlace) = seconds { factors.solveTransposed(btc, into: &x, scratch: &scratch) }
        print(String(format: "all scores into kept arrays %.5f s", inPlace))

        var random = SeededGenerator(seed: 5)
        var spent = 0.0
        for _ in 0..<monteCarlo {
            var values = a.values
            for column in 0..<a.columnCount {
                for p in a.columnStarts[column]..<a.columnStarts[column + 1] where Int(a.rowIndices[p]) != column {
                    values[p] *= exp(0.1 * random.standardNormal())
                }
            }
            let draw = try a.withValues(values)
            let (_, time) = try seconds { () -> Void in
                let refactored = try SparseLU(draw, analysis: analysis)
                refactored.solve(unit, into: &x, scratch: &scratch)
            }
            spent += time
        }

        let checks = expected?["checksums"] as? [String: Double] ?? [:]
        func compare(_ name: String, _ value: Double) -> String {
            guard let want = checks[name] else { return "\(value)" }
            let relative = abs(value - want) / max(abs(want), 1e-300)
            return
                "\(value) (anchor \(want), relative \(String(format: "%.1e", relative)) \(relative <= 1e-9 ? "ok" : "DIFFERS"))"
        }
        print("sum_1000_scores \(compare("sum_1000_scores", total))")
        print("sum_all_scores \(compare("sum_all_scores", all.reduce(0, +)))")
        print("max_residual \(residual) \(residual < 1e-10 ? "ok" : "TOO LARGE")")
        print(String(format: "peak memory %.0f MiB", peakResidentMiB()))
        let mine: [(String, Double)] = [
            ("symbolic_s", symbolic), ("numeric_s", numeric), ("scores_1000_s", scores), ("all_scores_s", allScores),
            ("mc_iteration_s", spent / Double(max(monteCarlo, 1))),
        ]
        let solvers = expected?["solvers"] as? [String: [String: Double]] ?? [:]
        print("step            PeakZero      KLU    UMFPACK   PeakZero/KLU")
        for (name, value) in mine {
            let klu = solvers["klu"]?[name] ?? .nan
            let umf = solvers["umfpack"]?[name] ?? .nan
            print(
                name.padding(toLength: 14, withPad: " ", startingAt: 0)
                    + String(format: " %9.5f %9.5f %9.5f %8.2f", value, klu, umf, value / klu))
        }
    }

    /// A matrix in the anchor's CSC files; square unless its row count is given.
    private func matrix(_ name: String, rows rowCount: Int?) throws -> SparseMatrix {
        let starts = try integers("\(name).colptr.i64")
        let rows = try integers("\(name).rowind.i64").map { Int32($0) }
        let values = try doubles("\(name).values.f64")
        let columnCount = starts.count - 1
        return try SparseMatrix(
            rowCount: rowCount ?? columnCount, columnCount: columnCount, columnStarts: starts, rowIndices: rows,
            values: values)
    }

    private func integers(_ file: String) throws -> [Int] {
        let bytes = try Data(contentsOf: data.appendingPathComponent(file))
        return bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 8)).map {
                Int(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: Int64.self)))
            }
        }
    }

    private func doubles(_ file: String) throws -> [Double] {
        let bytes = try Data(contentsOf: data.appendingPathComponent(file))
        return bytes.withUnsafeBytes { raw in
            (0..<(raw.count / 8)).map {
                Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self)))
            }
        }
    }
}

private func dot(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for i in 0..<a.count { sum += a[i] * b[i] }
    return sum
}
