import Testing

@testable import SparseLU

/// The solver against plain dense elimination on generated systems.
@Suite struct SparseLUTests {
    /// Largest |A x − b| relative to |A| |x| + |b|: what "solved" means in floating point.
    private func relativeResidual(_ a: SparseMatrix, _ x: [Double], _ b: [Double], transposed: Bool = false) -> Double {
        let ax = transposed ? a.multiplyTransposed(x) : a.multiply(x)
        var absolute = a
        absolute = try! a.withValues(a.values.map(abs))
        let size = transposed ? absolute.multiplyTransposed(x.map(abs)) : absolute.multiply(x.map(abs))
        return zip(zip(ax, b), size).map { pair, scale in abs(pair.0 - pair.1) / (scale + abs(pair.1) + 1e-300) }
            .max() ?? 0
    }

    private func check(_ a: SparseMatrix, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var random = Seeded(state: seed)
        let b = (0..<a.rowCount).map { _ in Double.random(in: -1...1, using: &random) }
        let dense = a.dense()
        guard DenseReference.solve(dense, b) != nil else {
            // Singular (a zero column after elimination): the solver must say so, not answer.
            #expect(throws: SparseLUError.self, sourceLocation: sourceLocation) { try SparseLU(a) }
            return
        }
        let factors = try SparseLU(a)
        let x = factors.solve(b)
        let xt = factors.solveTransposed(b)
        #expect(relativeResidual(a, x, b) < 1e-12, sourceLocation: sourceLocation)
        #expect(relativeResidual(a, xt, b, transposed: true) < 1e-12, sourceLocation: sourceLocation)
        if let reference = DenseReference.solve(dense, b) {
            let scale = reference.map(abs).max() ?? 1
            let gap = zip(x, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(gap <= 1e-9 * max(scale, 1), "gap \(gap) against dense", sourceLocation: sourceLocation)
        }
        if let reference = DenseReference.solve(DenseReference.transpose(dense), b) {
            let scale = reference.map(abs).max() ?? 1
            let gap = zip(xt, reference).map { abs($0 - $1) }.max() ?? 0
            #expect(gap <= 1e-9 * max(scale, 1), "transposed gap \(gap) against dense", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: 1...12)
    func technosphere_matchesDenseElimination(seed: UInt64) throws {
        try check(Systems.technosphere(size: 120, hubs: 8, seed: seed), seed: seed)
    }

    @Test(arguments: 1...6)
    func technosphereWithProductsInUnitsFarApart_matchesDenseElimination(seed: UInt64) throws {
        try check(Systems.technosphere(size: 150, hubs: 10, seed: seed, spread: 3), seed: seed)
    }

    @Test(arguments: 1...8)
    func generalSparseMatrix_matchesDenseElimination(seed: UInt64) throws {
        try check(Systems.general(size: 80, perColumn: 3, seed: seed), seed: seed)
    }

    /// Seeds 3 and 4 give singular matrices (a column with a zero diagonal that no cycle reaches),
    /// which dense elimination also finds singular: the solver must refuse them.
    @Test(arguments: 1...6)
    func zeroDiagonalsArePivotedAround(seed: UInt64) throws {
        try check(Systems.general(size: 60, perColumn: 3, seed: seed, zeroDiagonals: 6), seed: seed)
    }
}
