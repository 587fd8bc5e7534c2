/// What a factorisation needs to know of a matrix's pattern, worked out once and reused for every
/// matrix of the same pattern (a Monte Carlo draw changes values, never places).
///
/// The matrix is permuted symmetrically into block upper-triangular form (its strongly connected
/// components, `StrongComponents`), and each cyclic block into an acyclic part in dependency order
/// followed by its border (`FeedbackBorder`). In the new numbering every column keeps its entries in
/// three runs: rows of its own block's acyclic part, rows of its block's border, rows of earlier
/// blocks; the diagonal is kept apart.
public struct SparseLUAnalysis: Sendable {
    /// One diagonal block in the new numbering: `start ..< end`, its border `borderStart ..< end`
    /// (empty for a block of one).
    struct Block: Sendable {
        let start: Int
        let borderStart: Int
        let end: Int
        var isSingle: Bool { end - start == 1 }
    }

    public let size: Int
    /// `order[new] = old`.
    let order: [Int32]
    let blocks: [Block]
    let columnStarts: [Int]
    /// Entries `columnStarts[c] ..< borderRowStarts[c]` lie in the block's acyclic rows,
    /// `..< offBlockStarts[c]` in its border rows, the rest in earlier blocks.
    let borderRowStarts: [Int]
    let offBlockStarts: [Int]
    let rows: [Int32]
    /// The place in the caller's `values` of each permuted entry, and of each column's diagonal
    /// (-1 where the pattern has no diagonal entry).
    let sources: [Int32]
    let diagonalSources: [Int32]
    /// The analysed pattern, to refuse a matrix of another.
    let patternStarts: [Int]
    let patternRows: [Int32]

    /// Sizes, for reports and benchmarks.
    public var blockCount: Int { blocks.count }
    public var cyclicBlockSizes: [Int] { blocks.filter { !$0.isSingle }.map { $0.end - $0.start } }
    public var borderSizes: [Int] { blocks.filter { !$0.isSingle }.map { $0.end - $0.borderStart } }

    /// - Parameter forcedBorder: nodes (the caller's indices) that must be eliminated in a border,
    ///   because their diagonal proved too small to pivot on.
    public init(_ matrix: SparseMatrix, forcedBorder: Set<Int32> = []) throws {
        guard matrix.rowCount == matrix.columnCount else {
            throw SparseLUError.notSquare(rows: matrix.rowCount, columns: matrix.columnCount)
        }
        let size = matrix.columnCount
        let starts = matrix.columnStarts
        let rowIndices = matrix.rowIndices
        func hasDiagonal(_ column: Int) -> Bool {
            rowIndices[starts[column]..<starts[column + 1]].contains(Int32(column))
        }

        let components = StrongComponents(size: size, columnStarts: starts, rowIndices: rowIndices)
        var order: [Int32] = []
        order.reserveCapacity(size)
        var blocks: [Block] = []
        var scratch = [Int32](repeating: -1, count: size)
        for k in 0..<(components.starts.count - 1) {
            let members = components.nodes[components.starts[k]..<components.starts[k + 1]]
            let start = order.count
            if members.count == 1 {
                order.append(members[members.startIndex])
                blocks.append(Block(start: start, borderStart: start + 1, end: start + 1))
                continue
            }
            var forced = forcedBorder.intersection(members)
            for node in members where !hasDiagonal(Int(node)) { forced.insert(node) }
            let split = FeedbackBorder(
                members: members, columnStarts: starts, rowIndices: rowIndices, forced: forced, scratch: &scratch)
            order.append(contentsOf: split.acyclic)
            order.append(contentsOf: split.border)
            blocks.append(Block(start: start, borderStart: start + split.acyclic.count, end: order.count))
        }

        var position = [Int32](repeating: 0, count: size)
        for (new, old) in order.enumerated() { position[Int(old)] = Int32(new) }

        // Lay out each column's three runs.
        var layout = Layout(size: size, entries: matrix.nonZeroCount)
        layout.fill(order: order, position: position, blocks: blocks, starts: starts, rowIndices: rowIndices)
        let filled = layout.filled
        var rows = layout.rows
        var sources = layout.sources
        let columnStarts = layout.columnStarts
        let borderRowStarts = layout.borderRowStarts
        let offBlockStarts = layout.offBlockStarts
        let diagonalSources = layout.diagonalSources

        self.size = size
        self.order = order
        self.blocks = blocks
        self.columnStarts = columnStarts
        self.borderRowStarts = borderRowStarts
        self.offBlockStarts = offBlockStarts
        rows.removeLast(rows.count - filled)
        sources.removeLast(sources.count - filled)
        self.rows = rows
        self.sources = sources
        self.diagonalSources = diagonalSources
        self.patternStarts = starts
        self.patternRows = rowIndices
    }

    func matches(_ matrix: SparseMatrix) -> Bool {
        matrix.columnCount == size && matrix.rowCount == size && matrix.columnStarts == patternStarts
            && matrix.rowIndices == patternRows
    }
}

/// The permuted pattern being laid out: each column's entries in three runs (rows of its block's
/// acyclic part, of its border, of earlier blocks), the diagonal apart. Filled in one pass over the
/// matrix on raw pointers: this is the analysis's busiest loop after the components.
private struct Layout {
    var columnStarts: [Int]
    var borderRowStarts: [Int]
    var offBlockStarts: [Int]
    var diagonalSources: [Int32]
    var rows: [Int32]
    var sources: [Int32]
    var filled = 0

    init(size: Int, entries: Int) {
        columnStarts = [Int](repeating: 0, count: size + 1)
        borderRowStarts = [Int](repeating: 0, count: size)
        offBlockStarts = [Int](repeating: 0, count: size)
        diagonalSources = [Int32](repeating: -1, count: size)
        rows = [Int32](repeating: 0, count: entries)
        sources = [Int32](repeating: 0, count: entries)
    }

    mutating func fill(
        order: [Int32], position: [Int32], blocks: [SparseLUAnalysis.Block], starts: [Int], rowIndices: [Int32]
    ) {
        let size = order.count
        var filled = 0
        var borderRun: [(row: Int32, source: Int32)] = []
        var offBlockRun: [(row: Int32, source: Int32)] = []
        columnStarts.withUnsafeMutableBufferPointer { columnStarts in
            borderRowStarts.withUnsafeMutableBufferPointer { borderRowStarts in
                offBlockStarts.withUnsafeMutableBufferPointer { offBlockStarts in
                    diagonalSources.withUnsafeMutableBufferPointer { diagonalSources in
                        rows.withUnsafeMutableBufferPointer { rows in
                            sources.withUnsafeMutableBufferPointer { sources in
                                order.withUnsafeBufferPointer { order in
                                    position.withUnsafeBufferPointer { position in
                                        starts.withUnsafeBufferPointer { starts in
                                            rowIndices.withUnsafeBufferPointer { rowIndices in
                                                var blockIndex = 0
                                                for new in 0..<size {
                                                    if blocks[blockIndex].end <= new { blockIndex += 1 }
                                                    let block = blocks[blockIndex]
                                                    let old = Int(order[new])
                                                    columnStarts[new] = filled
                                                    if block.isSingle {
                                                        // Every entry but the diagonal lies in an earlier block.
                                                        borderRowStarts[new] = filled
                                                        offBlockStarts[new] = filled
                                                        for place in starts[old]..<starts[old + 1] {
                                                            let row = position[Int(rowIndices[place])]
                                                            if Int(row) == new {
                                                                diagonalSources[new] = Int32(place)
                                                                continue
                                                            }
                                                            precondition(
                                                                Int(row) < new, "an entry below the block diagonal")
                                                            rows[filled] = row
                                                            sources[filled] = Int32(place)
                                                            filled += 1
                                                        }
                                                        continue
                                                    }
                                                    borderRun.removeAll(keepingCapacity: true)
                                                    offBlockRun.removeAll(keepingCapacity: true)
                                                    for place in starts[old]..<starts[old + 1] {
                                                        let row = Int(position[Int(rowIndices[place])])
                                                        if row == new {
                                                            diagonalSources[new] = Int32(place)
                                                            continue
                                                        }
                                                        precondition(
                                                            row < block.end, "an entry below the block diagonal")
                                                        if row < block.start {
                                                            offBlockRun.append((Int32(row), Int32(place)))
                                                        } else if row >= block.borderStart {
                                                            borderRun.append((Int32(row), Int32(place)))
                                                        } else {
                                                            rows[filled] = Int32(row)
                                                            sources[filled] = Int32(place)
                                                            filled += 1
                                                        }
                                                    }
                                                    borderRowStarts[new] = filled
                                                    for entry in borderRun {
                                                        rows[filled] = entry.row
                                                        sources[filled] = entry.source
                                                        filled += 1
                                                    }
                                                    offBlockStarts[new] = filled
                                                    for entry in offBlockRun {
                                                        rows[filled] = entry.row
                                                        sources[filled] = entry.source
                                                        filled += 1
                                                    }
                                                }
                                                columnStarts[size] = filled
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        self.filled = filled
    }
}
