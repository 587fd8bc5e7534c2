/// A factorised square sparse matrix, ready to solve A x = b and Aᵀ x = b as often as asked.
///
/// Blocks of one (most of a life-cycle system: processes outside every loop) need no elimination.
/// A cyclic block is eliminated in two parts: its acyclic part is already triangular and is used as
/// it stands; the border's Schur complement S = A₂₂ − A₂₁ T⁻¹ A₁₂ is formed densely and factorised
/// with partial pivoting. An acyclic node is pivoted on its own diagonal only when that pivot passes
/// the threshold test of partial pivoting on the row-scaled matrix (every multiplier at most
/// 1/`pivotTolerance` once each row is divided by its largest entry — KLU's default test and scaling,
/// so that a product counted in grams beside one counted in tonnes is not mistaken for instability);
/// a node that fails is moved into the border, where pivoting is free, and the analysis is redone.
public struct SparseLU: Sendable {
    /// KLU's default: a diagonal pivot is kept while no multiplier exceeds 1,000.
    public static let defaultPivotTolerance = 0.001
    /// The largest dense part (border² + border × acyclic part, in doubles) a factorisation may
    /// build: 2²⁶ doubles, 512 MiB.
    public static let defaultDenseLimit = 1 << 26

    public private(set) var analysis: SparseLUAnalysis
    /// The permuted pattern, entries and diagonal, as the analysis laid them out.
    private var pattern: PermutedPattern
    private var entries: [Double]
    private var diagonal: [Double]
    /// The dense factorisation of each cyclic block's border, by block index.
    private var borders: [Int: DenseLU]

    /// Analyses and factorises `matrix`.
    public init(
        _ matrix: SparseMatrix, pivotTolerance: Double = defaultPivotTolerance, denseLimit: Int = defaultDenseLimit
    ) throws {
        try self.init(
            matrix, analysis: SparseLUAnalysis(matrix), pivotTolerance: pivotTolerance, denseLimit: denseLimit)
    }

    /// Factorises `matrix` with an analysis of its pattern made before (the symbolic analysis reused).
    /// When a diagonal pivot fails the threshold test, the analysis is redone with that node in the
    /// border; `analysis` then holds the new one.
    public init(
        _ matrix: SparseMatrix, analysis: SparseLUAnalysis, pivotTolerance: Double = defaultPivotTolerance,
        denseLimit: Int = defaultDenseLimit
    ) throws {
        guard analysis.matches(matrix) else { throw SparseLUError.patternChanged }
        for column in 0..<matrix.columnCount {
            for position in matrix.columnStarts[column]..<matrix.columnStarts[column + 1]
            where !matrix.values[position].isFinite {
                throw SparseLUError.notFinite(row: Int(matrix.rowIndices[position]), column: column)
            }
        }
        var current = analysis
        var forced: Set<Int32> = []
        while true {
            let attempt = NumericFactorization(
                values: matrix.values, analysis: current, pivotTolerance: pivotTolerance, denseLimit: denseLimit)
            switch attempt.outcome {
            case .done(let pattern, let entries, let diagonal, let borders):
                self.analysis = current
                self.pattern = pattern
                self.entries = entries
                self.diagonal = diagonal
                self.borders = borders
                return
            case .weakPivots(let nodes):
                let grown = forced.union(nodes)
                // Every retry moves at least one more node into a border, so this ends.
                guard grown.count > forced.count else { throw SparseLUError.singular(column: Int(nodes[0])) }
                forced = grown
                current = try SparseLUAnalysis(matrix, forcedBorder: forced)
            case .failed(let error):
                throw error
            }
        }
    }

    /// x = A⁻¹ b.
    public func solve(_ b: [Double]) -> [Double] { solved(b, transposed: false) }

    /// x = A⁻ᵀ b.
    public func solveTransposed(_ b: [Double]) -> [Double] { solved(b, transposed: true) }

    /// x = A⁻¹ b into arrays the caller keeps, for many solves without allocating.
    public func solve(_ b: [Double], into x: inout [Double], scratch: inout [Double]) {
        run(b, into: &x, scratch: &scratch, transposed: false)
    }

    /// x = A⁻ᵀ b into arrays the caller keeps.
    public func solveTransposed(_ b: [Double], into x: inout [Double], scratch: inout [Double]) {
        run(b, into: &x, scratch: &scratch, transposed: true)
    }

    private func solved(_ b: [Double], transposed: Bool) -> [Double] {
        var x = [Double](repeating: 0, count: b.count)
        var scratch = [Double](repeating: 0, count: b.count)
        run(b, into: &x, scratch: &scratch, transposed: transposed)
        return x
    }

    /// Permutes b into the analysis's numbering, solves there and permutes back.
    private func run(_ b: [Double], into x: inout [Double], scratch: inout [Double], transposed: Bool) {
        let n = analysis.size
        precondition(b.count == n, "b has \(b.count) entries for \(n) unknowns")
        precondition(x.count == n && scratch.count == n, "x and scratch need \(n) entries")
        let plan = SolvePlan(
            analysis: analysis, pattern: pattern, entries: entries, diagonal: diagonal, borders: borders)
        analysis.order.withUnsafeBufferPointer { order in
            scratch.withUnsafeMutableBufferPointer { work in
                for new in 0..<n { work[new] = b[Int(order[new])] }
                if transposed { plan.solveTransposed(work) } else { plan.solve(work) }
                x.withUnsafeMutableBufferPointer { out in
                    for new in 0..<n { out[Int(order[new])] = work[new] }
                }
            }
        }
    }
}
