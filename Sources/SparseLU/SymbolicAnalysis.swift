import Foundation

/// What a factorisation needs to know of a matrix's pattern, worked out once and reused for every
/// matrix of the same pattern (a Monte Carlo draw changes values, never places).
///
/// The matrix is permuted symmetrically into block upper-triangular form (its strongly connected
/// components, `StrongComponents`), and each cyclic block into an acyclic part in dependency order
/// followed by its border (`FeedbackBorder`). The permuted pattern itself (`PermutedPattern`) is laid
/// out by the first numeric factorisation that needs it, as KLU permutes in its numeric phase, and
/// kept for every later one.
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
    /// The permuted pattern, laid out once when first asked for (shared by copies of the analysis).
    private let laidOut = PatternCache()
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

        self.size = size
        self.order = order
        self.blocks = blocks
        self.patternStarts = starts
        self.patternRows = rowIndices
    }

    /// The permuted pattern, laid out on first use.
    var pattern: PermutedPattern {
        laidOut.pattern {
            PermutedPattern(order: order, blocks: blocks, starts: patternStarts, rowIndices: patternRows)
        }
    }

    func matches(_ matrix: SparseMatrix) -> Bool {
        matrix.columnCount == size && matrix.rowCount == size && matrix.columnStarts == patternStarts
            && matrix.rowIndices == patternRows
    }
}

/// The matrix's pattern in the analysis's numbering: each column's entries in three runs — rows of
/// its own block's acyclic part, rows of its block's border, rows of earlier blocks — the diagonal
/// apart. Laid out in one pass over the matrix on raw pointers.
struct PermutedPattern: Sendable {
    private(set) var columnStarts: [Int]
    /// Entries `columnStarts[c] ..< borderRowStarts[c]` lie in the block's acyclic rows,
    /// `..< offBlockStarts[c]` in its border rows, the rest in earlier blocks.
    private(set) var borderRowStarts: [Int]
    private(set) var offBlockStarts: [Int]
    private(set) var rows: [Int32]
    /// The place in the caller's `values` of each permuted entry, and of each column's diagonal
    /// (-1 where the pattern has no diagonal entry).
    private(set) var sources: [Int32]
    private(set) var diagonalSources: [Int32]

    init(order: [Int32], blocks: [SparseLUAnalysis.Block], starts: [Int], rowIndices: [Int32]) {
        let size = order.count
        let entries = rowIndices.count
        columnStarts = [Int](repeating: 0, count: size + 1)
        borderRowStarts = [Int](repeating: 0, count: size)
        offBlockStarts = [Int](repeating: 0, count: size)
        diagonalSources = [Int32](repeating: -1, count: size)
        rows = [Int32](repeating: 0, count: entries)
        sources = [Int32](repeating: 0, count: entries)
        var position = [Int32](repeating: 0, count: size)
        for (new, old) in order.enumerated() { position[Int(old)] = Int32(new) }
        let filled = fill(order: order, position: position, blocks: blocks, starts: starts, rowIndices: rowIndices)
        rows.removeLast(entries - filled)
        sources.removeLast(entries - filled)
    }

    private mutating func fill(
        order: [Int32], position: [Int32], blocks: [SparseLUAnalysis.Block], starts: [Int], rowIndices: [Int32]
    ) -> Int {
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
        return filled
    }
}

/// Holds a pattern laid out once, for every copy of an analysis and every thread factorising with it.
private final class PatternCache: @unchecked Sendable {
    private let lock = NSLock()
    private var kept: PermutedPattern?

    func pattern(_ make: () -> PermutedPattern) -> PermutedPattern {
        lock.lock()
        defer { lock.unlock() }
        if let kept { return kept }
        let made = make()
        kept = made
        return made
    }
}
