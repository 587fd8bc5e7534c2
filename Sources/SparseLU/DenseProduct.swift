/// C −= A B on parts of one column-major matrix (leading dimension `leading`): C is
/// rows × columns, A is rows × inner, B is inner × columns. Eight rows by four columns of C are kept in
/// registers while the inner dimension runs, so each load of A feeds four multiply-adds.
enum DenseProduct {
    static func subtract(
        _ a: UnsafeMutablePointer<Double>, leading n: Int, rows: Range<Int>, columns: Range<Int>, inner: Range<Int>
    ) {
        let raw = UnsafeMutableRawPointer(a)
        let stride = MemoryLayout<Double>.stride
        var j = columns.lowerBound
        while j < columns.upperBound {
            let width = min(4, columns.upperBound - j)
            var i = rows.lowerBound
            while i + 8 <= rows.upperBound, width == 4 {
                var c00 = SIMD4<Double>(), c01 = SIMD4<Double>()
                var c10 = SIMD4<Double>(), c11 = SIMD4<Double>()
                var c20 = SIMD4<Double>(), c21 = SIMD4<Double>()
                var c30 = SIMD4<Double>(), c31 = SIMD4<Double>()
                for p in inner {
                    let left = raw + (p * n + i) * stride
                    let a0 = left.loadUnaligned(as: SIMD4<Double>.self)
                    let a1 = left.loadUnaligned(fromByteOffset: 4 * stride, as: SIMD4<Double>.self)
                    let b0 = a[j * n + p], b1 = a[(j + 1) * n + p]
                    let b2 = a[(j + 2) * n + p], b3 = a[(j + 3) * n + p]
                    c00 += a0 * b0
                    c01 += a1 * b0
                    c10 += a0 * b1
                    c11 += a1 * b1
                    c20 += a0 * b2
                    c21 += a1 * b2
                    c30 += a0 * b3
                    c31 += a1 * b3
                }
                let target = raw + (j * n + i) * stride
                let step = n * stride
                Self.subtract(c00, c01, at: target)
                Self.subtract(c10, c11, at: target + step)
                Self.subtract(c20, c21, at: target + 2 * step)
                Self.subtract(c30, c31, at: target + 3 * step)
                i += 8
            }
            // The edges: rows left over below the last group of eight, or fewer than four columns.
            for column in j..<(j + width) {
                let target = a + column * n
                for p in inner {
                    let factor = target[p]
                    if factor == 0 { continue }
                    let left = a + p * n
                    for row in i..<rows.upperBound { target[row] -= factor * left[row] }
                }
            }
            j += width
        }
    }

    /// Eight doubles at `target` −= (low, high).
    @inline(__always)
    private static func subtract(_ low: SIMD4<Double>, _ high: SIMD4<Double>, at target: UnsafeMutableRawPointer) {
        let offset = 4 * MemoryLayout<Double>.stride
        let first = target.loadUnaligned(as: SIMD4<Double>.self) - low
        let second = target.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self) - high
        target.storeBytes(of: first, as: SIMD4<Double>.self)
        target.storeBytes(of: second, toByteOffset: offset, as: SIMD4<Double>.self)
    }
}
