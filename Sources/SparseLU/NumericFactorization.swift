/// One numeric factorisation with a given analysis: gathers the values into the analysed layout,
/// forms each cyclic block's border Schur complement and factorises it.
struct NumericFactorization {
    enum Outcome {
        case done(pattern: PermutedPattern, entries: [Double], diagonal: [Double], borders: [Int: DenseLU])
        /// Acyclic nodes (the caller's indices) whose diagonal failed the threshold test.
        case weakPivots([Int32])
        case failed(SparseLUError)
    }

    let outcome: Outcome

    init(values: [Double], analysis: SparseLUAnalysis, pivotTolerance: Double, denseLimit: Int) {
        let pattern = analysis.pattern
        let entries = pattern.sources.map { values[Int($0)] }
        let diagonal = pattern.diagonalSources.map { $0 < 0 ? 0 : values[Int($0)] }
        var borders: [Int: DenseLU] = [:]
        var weak: [Int32] = []
        let rowLargest = analysis.blocks.contains { !$0.isSingle } ? Self.rowLargest(entries, diagonal, pattern) : []
        for (index, block) in analysis.blocks.enumerated() {
            if block.isSingle {
                guard diagonal[block.start] != 0 else {
                    outcome = .failed(.singular(column: Int(analysis.order[block.start])))
                    return
                }
                continue
            }
            let acyclicCount = block.borderStart - block.start
            let borderCount = block.end - block.borderStart
            let (square, squareOverflow) = borderCount.multipliedReportingOverflow(by: borderCount)
            let (strip, stripOverflow) = borderCount.multipliedReportingOverflow(by: acyclicCount)
            guard !squareOverflow, !stripOverflow, square <= denseLimit - min(strip, denseLimit), strip <= denseLimit
            else {
                outcome = .failed(.cycleTooLarge(size: borderCount, largest: denseLimit))
                return
            }
            let multipliers = BorderMultipliers(
                block: block, pattern: pattern, entries: entries, diagonal: diagonal, rowLargest: rowLargest,
                pivotTolerance: pivotTolerance)
            guard multipliers.weak.isEmpty else {
                weak.append(contentsOf: multipliers.weak.map { analysis.order[$0] })
                continue
            }
            let schur = multipliers.schurComplement(
                block: block, pattern: pattern, entries: entries, diagonal: diagonal)
            do {
                let scale = (block.borderStart..<block.end).map { 1 / rowLargest[$0] }
                borders[index] = try DenseLU(size: borderCount, columns: schur, rowScale: scale)
            } catch {
                outcome = .failed(.singular(column: Int(analysis.order[block.borderStart + error.step])))
                return
            }
        }
        outcome =
            weak.isEmpty
            ? .done(pattern: pattern, entries: entries, diagonal: diagonal, borders: borders) : .weakPivots(weak)
    }

    /// The largest magnitude in each row (new numbering): KLU's row scaling.
    private static func rowLargest(_ entries: [Double], _ diagonal: [Double], _ pattern: PermutedPattern) -> [Double] {
        var largest = diagonal.map(abs)
        for (p, row) in pattern.rows.enumerated() { largest[Int(row)] = max(largest[Int(row)], abs(entries[p])) }
        return largest
    }
}

/// V = A₂₁ T⁻¹ of one cyclic block — the multipliers that eliminating its acyclic part on their own
/// diagonals would use — stored column by column (each column one acyclic node, border-long).
private struct BorderMultipliers {
    var columns: [Double]
    /// Acyclic nodes (new numbering) whose multipliers exceed 1/tolerance or whose diagonal is 0.
    var weak: [Int] = []
    let borderCount: Int

    init(
        block: SparseLUAnalysis.Block, pattern: PermutedPattern, entries: [Double], diagonal: [Double],
        rowLargest: [Double], pivotTolerance: Double
    ) {
        let b = block.end - block.borderStart
        borderCount = b
        columns = [Double](repeating: 0, count: b * (block.borderStart - block.start))
        var weak: [Int] = []
        columns.withUnsafeMutableBufferPointer { v in
            pattern.rows.withUnsafeBufferPointer { rows in
                for c in block.start..<block.borderStart {
                    let target = (c - block.start) * b
                    for p in pattern.borderRowStarts[c]..<pattern.offBlockStarts[c] {
                        v[target + Int(rows[p]) - block.borderStart] = entries[p]
                    }
                    // V[:, c] T[c, c] = A₂₁[:, c] − Σ V[:, k] T[k, c] over the acyclic k before c.
                    for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] {
                        let source = (Int(rows[p]) - block.start) * b
                        let factor = entries[p]
                        for i in 0..<b { v[target + i] -= factor * v[source + i] }
                    }
                    let pivot = diagonal[c]
                    guard pivot != 0 else {
                        weak.append(c)
                        continue
                    }
                    let inverse = 1 / pivot
                    var largest = 0.0
                    for i in 0..<b {
                        v[target + i] *= inverse
                        largest = max(largest, abs(v[target + i]) / rowLargest[block.borderStart + i])
                    }
                    // Multiplier i of the row-scaled matrix: V[i, c] · (scale of row i) / (scale of row c).
                    if !(largest * rowLargest[c] * pivotTolerance <= 1) { weak.append(c) }
                }
            }
        }
        self.weak = weak
    }

    /// S = A₂₂ − V A₁₂, column by column.
    func schurComplement(
        block: SparseLUAnalysis.Block, pattern: PermutedPattern, entries: [Double], diagonal: [Double]
    ) -> [Double] {
        let b = borderCount
        var schur = [Double](repeating: 0, count: b * b)
        schur.withUnsafeMutableBufferPointer { s in
            columns.withUnsafeBufferPointer { v in
                for c in block.borderStart..<block.end {
                    let local = c - block.borderStart
                    let target = local * b
                    s[target + local] = diagonal[c]
                    for p in pattern.borderRowStarts[c]..<pattern.offBlockStarts[c] {
                        s[target + Int(pattern.rows[p]) - block.borderStart] += entries[p]
                    }
                    for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] {
                        let source = (Int(pattern.rows[p]) - block.start) * b
                        let factor = entries[p]
                        for i in 0..<b { s[target + i] -= factor * v[source + i] }
                    }
                }
            }
        }
        return schur
    }
}
