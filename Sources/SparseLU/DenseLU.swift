/// LU factorisation with partial pivoting of a small dense matrix stored column by column — the
/// border's Schur complement, where the cycles of a system meet.
struct DenseLU: Sendable {
    let size: Int
    /// L (unit, below the diagonal) and U (on and above it), column by column.
    private(set) var factors: [Double]
    /// At step k rows k and `swaps[k]` were exchanged (LAPACK's convention).
    private(set) var swaps: [Int32]
    /// Each row was multiplied by this before elimination (R S = P L U), so that pivots are chosen
    /// among comparable numbers when rows are counted in units far apart.
    let rowScale: [Double]

    /// Factorises `matrix` (size × size, column by column) by blocks of columns: each panel is
    /// factorised with partial pivoting, then the rest of the matrix is updated by one matrix product,
    /// which runs from registers and cache rather than sweeping the whole matrix once per column.
    /// - Throws: the step at which a column had no non-zero pivot.
    init(size: Int, columns matrix: [Double], rowScale: [Double]) throws(DenseLUFailure) {
        precondition(matrix.count == size * size && rowScale.count == size)
        self.size = size
        self.rowScale = rowScale
        var factors = matrix
        for j in 0..<size {
            for i in 0..<size { factors[j * size + i] *= rowScale[i] }
        }
        var swaps = [Int32](repeating: 0, count: size)
        let n = size
        try factors.withUnsafeMutableBufferPointer { buffer throws(DenseLUFailure) in
            let a = buffer.baseAddress!
            for panel in stride(from: 0, to: n, by: Self.panelWidth) {
                let width = min(Self.panelWidth, n - panel)
                try Self.factorPanel(a, n: n, from: panel, width: width, swaps: &swaps)
                let rest = panel + width
                guard rest < n else { continue }
                // U₁₂ = L₁₁⁻¹ A₁₂ on the panel's rows.
                for j in rest..<n {
                    let column = a + j * n
                    for k in panel..<rest {
                        let factor = column[k]
                        if factor == 0 { continue }
                        let l = a + k * n
                        for i in (k + 1)..<rest { column[i] -= factor * l[i] }
                    }
                }
                // A₂₂ −= L₂₁ U₁₂.
                DenseProduct.subtract(
                    a, leading: n, rows: rest..<n, columns: rest..<n, inner: panel..<rest)
            }
        }
        self.factors = factors
        self.swaps = swaps
    }

    static let panelWidth = 48

    /// Unblocked LU with partial pivoting of columns `from ..< from + width`, rows `from ..< n`;
    /// each exchange is applied to whole rows.
    private static func factorPanel(
        _ a: UnsafeMutablePointer<Double>, n: Int, from panel: Int, width: Int, swaps: inout [Int32]
    ) throws(DenseLUFailure) {
        for k in panel..<(panel + width) {
            let column = a + k * n
            var pivotRow = k
            var largest = abs(column[k])
            for i in (k + 1)..<n where abs(column[i]) > largest {
                largest = abs(column[i])
                pivotRow = i
            }
            guard largest > 0, largest.isFinite else { throw DenseLUFailure(step: k) }
            swaps[k] = Int32(pivotRow)
            if pivotRow != k {
                for j in 0..<n { swap(&a[j * n + k], &a[j * n + pivotRow]) }
            }
            let inverse = 1 / column[k]
            for i in (k + 1)..<n { column[i] *= inverse }
            for j in (k + 1)..<(panel + width) {
                let target = a + j * n
                let factor = target[k]
                if factor == 0 { continue }
                for i in (k + 1)..<n { target[i] -= factor * column[i] }
            }
        }
    }

    /// Solves S x = b in place.
    func solve(_ x: UnsafeMutableBufferPointer<Double>) {
        let n = size
        for i in 0..<n { x[i] *= rowScale[i] }
        factors.withUnsafeBufferPointer { a in
            for k in 0..<n where Int(swaps[k]) != k { x.swapAt(k, Int(swaps[k])) }
            for k in 0..<n {
                let xk = x[k]
                if xk == 0 { continue }
                let column = k * n
                for i in (k + 1)..<n { x[i] -= a[column + i] * xk }
            }
            for k in stride(from: n - 1, through: 0, by: -1) {
                let column = k * n
                x[k] /= a[column + k]
                let xk = x[k]
                if xk == 0 { continue }
                for i in 0..<k { x[i] -= a[column + i] * xk }
            }
        }
    }

    /// Solves Sᵀ x = b in place: Uᵀ, then Lᵀ, then the swaps undone in reverse, then the scaling
    /// ((R S)ᵀ y = b, x = R y). Each step is a dot product down a column, kept in four running sums
    /// so the additions do not wait on one another.
    func solveTransposed(_ x: UnsafeMutableBufferPointer<Double>) {
        let n = size
        factors.withUnsafeBufferPointer { a in
            let base = a.baseAddress!
            let values = x.baseAddress!
            for k in 0..<n {
                let column = base + k * n
                x[k] = (x[k] - Self.dot(column, values, 0..<k)) / column[k]
            }
            for k in stride(from: n - 1, through: 0, by: -1) {
                x[k] -= Self.dot(base + k * n, values, (k + 1)..<n)
            }
            for k in stride(from: n - 1, through: 0, by: -1) where Int(swaps[k]) != k { x.swapAt(k, Int(swaps[k])) }
        }
        for i in 0..<n { x[i] *= rowScale[i] }
    }

    /// Σ a[i] · b[i] over `range`.
    @inline(__always)
    private static func dot(
        _ a: UnsafePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ range: Range<Int>
    ) -> Double {
        var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
        var i = range.lowerBound
        while i + 4 <= range.upperBound {
            s0 += a[i] * b[i]
            s1 += a[i + 1] * b[i + 1]
            s2 += a[i + 2] * b[i + 2]
            s3 += a[i + 3] * b[i + 3]
            i += 4
        }
        while i < range.upperBound {
            s0 += a[i] * b[i]
            i += 1
        }
        return (s0 + s1) + (s2 + s3)
    }
}

/// A dense factorisation found no pivot at this step.
struct DenseLUFailure: Error {
    let step: Int
}
