/// The two solves over a factorisation, in the analysis's numbering: block back-substitution for
/// A x = b (last block first), block forward substitution for Aᵀ x = b (first block first).
struct SolvePlan {
    let analysis: SparseLUAnalysis
    let pattern: PermutedPattern
    let entries: [Double]
    let diagonal: [Double]
    let borders: [Int: DenseLU]

    func solve(_ x: UnsafeMutableBufferPointer<Double>) {
        withPointers { rows, e, d in
            withRunPointers { starts, offBlock, blocks in
                for index in stride(from: blocks.count - 1, through: 0, by: -1) {
                    let block = blocks[index]
                    if block.isSingle {
                        // Most of a life-cycle system: divide, then pass the value to earlier blocks.
                        let c = block.start
                        let xc = x[c] / d[c]
                        x[c] = xc
                        if xc != 0 {
                            for p in offBlock[c]..<starts[c + 1] { x[Int(rows[p])] -= e[p] * xc }
                        }
                        continue
                    }
                    solveCyclic(block, border: borders[index]!, x, rows, e, d)
                    for c in block.start..<block.end {
                        let xc = x[c]
                        if xc == 0 { continue }
                        for p in offBlock[c]..<starts[c + 1] { x[Int(rows[p])] -= e[p] * xc }
                    }
                }
            }
        }
    }

    func solveTransposed(_ x: UnsafeMutableBufferPointer<Double>) {
        withPointers { rows, e, d in
            withRunPointers { starts, offBlock, blocks in
                for index in 0..<blocks.count {
                    let block = blocks[index]
                    if block.isSingle {
                        let c = block.start
                        var sum = x[c]
                        for p in offBlock[c]..<starts[c + 1] { sum -= e[p] * x[Int(rows[p])] }
                        x[c] = sum / d[c]
                        continue
                    }
                    for c in block.start..<block.end {
                        var sum = x[c]
                        for p in offBlock[c]..<starts[c + 1] { sum -= e[p] * x[Int(rows[p])] }
                        x[c] = sum
                    }
                    solveCyclicTransposed(block, border: borders[index]!, x, rows, e, d)
                }
            }
        }
    }

    private typealias Rows = UnsafeBufferPointer<Int32>
    private typealias Values = UnsafeBufferPointer<Double>
    private typealias Starts = UnsafeBufferPointer<Int>

    private func withPointers(_ body: (Rows, Values, Values) -> Void) {
        pattern.rows.withUnsafeBufferPointer { rows in
            entries.withUnsafeBufferPointer { e in
                diagonal.withUnsafeBufferPointer { d in body(rows, e, d) }
            }
        }
    }

    /// The column starts, off-block starts and blocks, as pointers for the solves' loops.
    private func withRunPointers(_ body: (Starts, Starts, UnsafeBufferPointer<SparseLUAnalysis.Block>) -> Void) {
        pattern.columnStarts.withUnsafeBufferPointer { starts in
            pattern.offBlockStarts.withUnsafeBufferPointer { offBlock in
                analysis.blocks.withUnsafeBufferPointer { blocks in body(starts, offBlock, blocks) }
            }
        }
    }

    /// M z = r for a cyclic block: y = T⁻¹ r₁; S z₂ = r₂ − A₂₁ y; z₁ = T⁻¹ (r₁ − A₁₂ z₂).
    private func solveCyclic(
        _ block: SparseLUAnalysis.Block, border: DenseLU, _ x: UnsafeMutableBufferPointer<Double>, _ rows: Rows,
        _ e: Values, _ d: Values
    ) {
        let kept = Array(x[block.start..<block.borderStart])
        backSubstitute(block, x, rows, e, d)
        for c in block.start..<block.borderStart {
            let yc = x[c]
            if yc == 0 { continue }
            for p in pattern.borderRowStarts[c]..<pattern.offBlockStarts[c] { x[Int(rows[p])] -= e[p] * yc }
        }
        border.solve(UnsafeMutableBufferPointer(rebasing: x[block.borderStart..<block.end]))
        for (offset, value) in kept.enumerated() { x[block.start + offset] = value }
        for c in block.borderStart..<block.end {
            let zc = x[c]
            if zc == 0 { continue }
            for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] { x[Int(rows[p])] -= e[p] * zc }
        }
        backSubstitute(block, x, rows, e, d)
    }

    /// Mᵀ z = r for a cyclic block: y = T⁻ᵀ r₁; Sᵀ z₂ = r₂ − A₁₂ᵀ y; z₁ = T⁻ᵀ (r₁ − A₂₁ᵀ z₂).
    private func solveCyclicTransposed(
        _ block: SparseLUAnalysis.Block, border: DenseLU, _ x: UnsafeMutableBufferPointer<Double>, _ rows: Rows,
        _ e: Values, _ d: Values
    ) {
        let kept = Array(x[block.start..<block.borderStart])
        forwardSubstituteTransposed(block, x, rows, e, d)
        for c in block.borderStart..<block.end {
            var sum = x[c]
            for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] { sum -= e[p] * x[Int(rows[p])] }
            x[c] = sum
        }
        border.solveTransposed(UnsafeMutableBufferPointer(rebasing: x[block.borderStart..<block.end]))
        for c in block.start..<block.borderStart {
            var sum = kept[c - block.start]
            for p in pattern.borderRowStarts[c]..<pattern.offBlockStarts[c] { sum -= e[p] * x[Int(rows[p])] }
            x[c] = sum
        }
        forwardSubstituteTransposed(block, x, rows, e, d)
    }

    /// T y = r over the block's acyclic part, in place; T is upper triangular in the analysis's order.
    private func backSubstitute(
        _ block: SparseLUAnalysis.Block, _ x: UnsafeMutableBufferPointer<Double>, _ rows: Rows, _ e: Values,
        _ d: Values
    ) {
        for c in stride(from: block.borderStart - 1, through: block.start, by: -1) {
            x[c] /= d[c]
            let yc = x[c]
            if yc == 0 { continue }
            for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] { x[Int(rows[p])] -= e[p] * yc }
        }
    }

    /// Tᵀ y = r over the block's acyclic part, in place.
    private func forwardSubstituteTransposed(
        _ block: SparseLUAnalysis.Block, _ x: UnsafeMutableBufferPointer<Double>, _ rows: Rows, _ e: Values,
        _ d: Values
    ) {
        for c in block.start..<block.borderStart {
            var sum = x[c]
            for p in pattern.columnStarts[c]..<pattern.borderRowStarts[c] { sum -= e[p] * x[Int(rows[p])] }
            x[c] = sum / d[c]
        }
    }
}
