import Testing

@testable import SparseLU

/// The harder cases the issue names: permuted, badly scaled and nearly singular matrices, the
/// symbolic analysis reused, weak pivots, and the refusals.
@Suite struct SparseLUCasesTests {
    private func residual(_ a: SparseMatrix, _ x: [Double], _ b: [Double]) -> Double {
        let absolute = try! a.withValues(a.values.map(abs))
        let size = absolute.multiply(x.map(abs))
        return zip(zip(a.multiply(x), b), size).map { abs($0.0 - $0.1) / ($1 + abs($0.1) + 1e-300) }.max() ?? 0
    }

    private func permuted(_ a: SparseMatrix, rows: [Int], columns: [Int]) -> SparseMatrix {
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for column in 0..<a.columnCount {
            for p in a.columnStarts[column]..<a.columnStarts[column + 1] {
                triplets.append((rows[Int(a.rowIndices[p])], columns[column], a.values[p]))
            }
        }
        return try! SparseMatrix(rowCount: a.rowCount, columnCount: a.columnCount, triplets: triplets)
    }

    @Test(arguments: 1...4)
    func unsymmetricallyPermutedSystem_isSolved(seed: UInt64) throws {
        // Rows and columns shuffled apart: no diagonal left where it was, so pivots come from borders.
        var random = Seeded(state: seed)
        let base = Systems.technosphere(size: 90, hubs: 6, seed: seed)
        let a = permuted(base, rows: (0..<90).shuffled(using: &random), columns: (0..<90).shuffled(using: &random))
        let b = (0..<90).map { _ in Double.random(in: -1...1, using: &random) }
        let x = try SparseLU(a).solve(b)
        #expect(residual(a, x, b) < 1e-12)
        let reference = try #require(DenseReference.solve(a.dense(), b))
        #expect(zip(x, reference).allSatisfy { abs($0 - $1) <= 1e-8 * max(1, abs($1)) })
    }

    @Test func rowsScaledByTwentyOrdersOfMagnitude_areSolved() throws {
        var random = Seeded(state: 7)
        let base = Systems.technosphere(size: 100, hubs: 8, seed: 7)
        var scale: [Double] = []
        for _ in 0..<100 {
            let exponent = Int.random(in: -10...10, using: &random)
            var value = 1.0
            for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
            scale.append(value)
        }
        var values = base.values
        for column in 0..<100 {
            for p in base.columnStarts[column]..<base.columnStarts[column + 1] {
                values[p] *= scale[Int(base.rowIndices[p])]
            }
        }
        let a = try base.withValues(values)
        let b = (0..<100).map { (row: Int) -> Double in scale[row] * Double(row % 7 + 1) }
        let x = try SparseLU(a).solve(b)
        #expect(residual(a, x, b) < 1e-12)
    }

    @Test func nearlySingularSystem_isSolvedToItsResidual() throws {
        // Two loops' processes made almost dependent: the answer is large but A x = b still holds.
        // det = 1 − (1 − 1e-10): x₀ = x₁ = 1e10 (by hand: x₁ = x₀ from the second row, then 1e-10 x₀ = 1).
        let triplets: [(row: Int, column: Int, value: Double)] = [
            (0, 0, 1), (1, 0, -1), (0, 1, -(1 - 1e-10)), (1, 1, 1), (2, 2, 1), (3, 3, 2),
        ]
        let a = try SparseMatrix(rowCount: 4, columnCount: 4, triplets: triplets)
        let b = [1.0, 0, 0, 1]
        let x = try SparseLU(a).solve(b)
        #expect(residual(a, x, b) < 1e-12)
        #expect(abs(x[0] / 1e10 - 1) < 1e-5)
        #expect(x[3] == 0.5)
    }

    @Test func analysisReused_givesTheSameAnswerAsAFreshOne() throws {
        let a = Systems.technosphere(size: 200, hubs: 12, seed: 11)
        let analysis = try SparseLUAnalysis(a)
        var random = Seeded(state: 3)
        for _ in 0..<5 {
            let draw = try a.withValues(
                a.values.enumerated().map { p, value in value * Double.random(in: 0.8...1.25, using: &random) })
            let b = (0..<200).map { Double($0 % 5) }
            let reused = try SparseLU(draw, analysis: analysis).solve(b)
            let fresh = try SparseLU(draw).solve(b)
            #expect(reused == fresh)
            #expect(residual(draw, reused, b) < 1e-12)
        }
    }

    @Test func aDiagonalTooSmallToPivotOn_goesIntoTheBorder() throws {
        // Node 1's own output is 1e-6 of what node 2 takes from it: eliminating on its diagonal would
        // multiply by 1e6, so the factorisation moves it into a border and pivots there.
        let a = try SparseMatrix(
            rowCount: 3, columnCount: 3,
            triplets: [
                (0, 0, 1), (1, 1, 1e-6), (2, 2, 1), (1, 0, -0.5), (2, 1, -1), (0, 2, -0.3), (1, 2, 0.7),
            ])
        let plain = try SparseLUAnalysis(a)
        let factors = try SparseLU(a, analysis: plain)
        #expect(factors.analysis.borderSizes.reduce(0, +) > plain.borderSizes.reduce(0, +))
        let b = [1.0, 2, 3]
        let x = factors.solve(b)
        #expect(residual(a, x, b) < 1e-12)
    }

    @Test func borderWiderThanOnePanel_usesTheBlockedProduct() throws {
        // Enough hubs for a border past one 48-column panel, so the blocked dense code runs.
        let a = Systems.technosphere(size: 900, hubs: 300, seed: 5)
        let factors = try SparseLU(a)
        #expect((factors.analysis.borderSizes.max() ?? 0) > DenseLU.panelWidth)
        let b = (0..<900).map { Double($0 % 11) - 5 }
        #expect(residual(a, factors.solve(b), b) < 1e-12)
        let xt = factors.solveTransposed(b)
        let back = a.multiplyTransposed(xt)
        #expect(zip(back, b).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    @Test func refusals_nameWhatIsWrong() throws {
        #expect(throws: SparseLUError.notSquare(rows: 2, columns: 3)) {
            try SparseLU(SparseMatrix(rowCount: 2, columnCount: 3, triplets: [(0, 0, 1)]))
        }
        // Column 1 makes nothing and nothing else can: singular at that column.
        #expect(throws: SparseLUError.singular(column: 1)) {
            try SparseLU(SparseMatrix(rowCount: 2, columnCount: 2, triplets: [(0, 0, 1), (0, 1, -1)]))
        }
        #expect(throws: SparseLUError.notFinite(row: 0, column: 1)) {
            try SparseLU(SparseMatrix(rowCount: 2, columnCount: 2, triplets: [(0, 0, 1), (1, 1, 1), (0, 1, .nan)]))
        }
        let a = Systems.technosphere(size: 50, hubs: 4, seed: 1)
        let other = Systems.technosphere(size: 50, hubs: 4, seed: 2)
        #expect(throws: SparseLUError.patternChanged) { try SparseLU(other, analysis: SparseLUAnalysis(a)) }
        #expect(throws: SparseLUError.cycleTooLarge(size: 4, largest: 10)) {
            let loop = try SparseMatrix(
                rowCount: 5, columnCount: 5,
                triplets: (0..<5).flatMap { i in (0..<5).map { j in (i, j, i == j ? 5.0 : 1.0) } })
            // Every pair of the five uses each other: four must go into the border.
            _ = try SparseLU(loop, denseLimit: 10)
        }
        #expect(throws: SparseLUError.self) {
            try SparseMatrix(rowCount: 2, columnCount: 1, columnStarts: [0, 2], rowIndices: [1, 1], values: [1, 2])
        }
        #expect(throws: SparseLUError.self) {
            try SparseMatrix(rowCount: 2, columnCount: 1, columnStarts: [0, 1], rowIndices: [2], values: [1])
        }
    }

    @Test func duplicateTriplets_areSummed() throws {
        let a = try SparseMatrix(
            rowCount: 2, columnCount: 2, triplets: [(0, 0, 1), (1, 0, -0.25), (1, 0, -0.25), (1, 1, 1)])
        #expect(a.dense() == [[1, 0], [-0.5, 1]])
    }

    @Test(arguments: 1...6)
    func blocksAndBorders_leaveTheAcyclicPartTriangular(seed: UInt64) throws {
        let a = Systems.general(size: 120, perColumn: 2, seed: seed)
        let analysis = try SparseLUAnalysis(a)
        let pattern = analysis.pattern
        // Every in-block entry of an acyclic column lies above the diagonal; every off-block entry in an
        // earlier block.
        for block in analysis.blocks {
            for c in block.start..<block.end {
                for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] where c < block.borderStart {
                    #expect(Int(pattern.rows[p]) < c)
                }
                for p in pattern.offBlockStarts[c]..<pattern.columnStarts[c + 1] {
                    #expect(Int(pattern.rows[p]) < block.start)
                }
            }
        }
        #expect(Set(analysis.order).count == 120)
    }
}
