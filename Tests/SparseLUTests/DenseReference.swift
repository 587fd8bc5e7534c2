@testable import SparseLU

/// The reference the sparse solver is checked against: Gaussian elimination with partial pivoting on
/// the dense matrix, written as plainly as possible.
enum DenseReference {
    static func solve(_ matrix: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var a = matrix
        var x = b
        for k in 0..<n {
            guard let pivot = (k..<n).max(by: { abs(a[$0][k]) < abs(a[$1][k]) }), a[pivot][k] != 0 else { return nil }
            a.swapAt(k, pivot)
            x.swapAt(k, pivot)
            for i in (k + 1)..<n where a[i][k] != 0 {
                let factor = a[i][k] / a[k][k]
                for j in k..<n { a[i][j] -= factor * a[k][j] }
                x[i] -= factor * x[k]
            }
        }
        for k in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[k]
            for j in (k + 1)..<n { sum -= a[k][j] * x[j] }
            x[k] = sum / a[k][k]
        }
        return x
    }

    static func transpose(_ matrix: [[Double]]) -> [[Double]] {
        guard let width = matrix.first?.count else { return [] }
        return (0..<width).map { j in matrix.map { $0[j] } }
    }
}

/// Random generator with a fixed seed, so a failing case can be replayed.
struct Seeded: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Generated test systems.
enum Systems {
    /// A technosphere-like matrix: unit diagonal, inputs mostly from earlier processes, a few hubs
    /// that many processes use and that use later ones (the loops), each column's inputs summing to
    /// less than its output; products measured in units `10^±spread` apart.
    static func technosphere(size n: Int, hubs: Int, seed: UInt64, spread: Double = 0) -> SparseMatrix {
        var random = Seeded(state: seed)
        let scale = (0..<n).map { _ in pow10(Double.random(in: -spread...spread, using: &random)) }
        let hubNodes = Array((0..<n).shuffled(using: &random).prefix(hubs))
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for column in 0..<n {
            triplets.append((column, column, 1))
            var rows = Set<Int>()
            for _ in 0..<Int.random(in: 0...4, using: &random) where column > 0 {
                rows.insert(Int.random(in: max(0, column - 20)..<column, using: &random))
            }
            if !hubNodes.isEmpty {
                for _ in 0..<Int.random(in: 0...2, using: &random) {
                    rows.insert(hubNodes.randomElement(using: &random)!)
                }
            }
            rows.remove(column)
            let share = Double.random(in: 0.05...0.9, using: &random) / Double(max(rows.count, 1))
            for row in rows {
                triplets.append(
                    (row, column, -share * Double.random(in: 0.2...1, using: &random) * scale[row] / scale[column]))
            }
        }
        return try! SparseMatrix(rowCount: n, columnCount: n, triplets: triplets)
    }

    /// A general sparse matrix: random entries, some zero diagonals, with enough on the diagonal or
    /// elsewhere to be non-singular in practice.
    static func general(size n: Int, perColumn: Int, seed: UInt64, zeroDiagonals: Int = 0) -> SparseMatrix {
        var random = Seeded(state: seed)
        let zero = Set((0..<n).shuffled(using: &random).prefix(zeroDiagonals))
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for column in 0..<n {
            if !zero.contains(column) { triplets.append((column, column, Double.random(in: 1...3, using: &random))) }
            var rows = Set<Int>()
            for _ in 0..<perColumn { rows.insert(Int.random(in: 0..<n, using: &random)) }
            rows.remove(column)
            if zero.contains(column) { rows.insert((column + 1) % n) }
            for row in rows { triplets.append((row, column, Double.random(in: -1...1, using: &random))) }
        }
        return try! SparseMatrix(rowCount: n, columnCount: n, triplets: triplets)
    }

    private static func pow10(_ x: Double) -> Double {
        var result = 1.0
        let whole = Int(x.rounded(.down))
        for _ in 0..<abs(whole) { result = whole > 0 ? result * 10 : result / 10 }
        return result * exp10Fraction(x - Double(whole))
    }

    private static func exp10Fraction(_ f: Double) -> Double {
        // 10^f for f in [0, 1): e^(f ln 10) by its series, enough for test data.
        let y = f * 2.302585092994046
        var term = 1.0
        var sum = 1.0
        for k in 1..<30 {
            term *= y / Double(k)
            sum += term
        }
        return sum
    }
}
