import Foundation

/// Sums figures up a tree in memory: every entity's rolled-up cells are its own cells plus those of
/// all its descendants. Cells are a dense block of `cellsPerEntity` doubles per entity (e.g. scope ×
/// month × energy type), so a whole province fits in a few megabytes and one pass adds it up.
public struct TreeRollup: Sendable {
    /// `parent[e]` is the index of entity e's parent, or −1 for a top-level entity.
    public let parent: [Int32]
    public let cellsPerEntity: Int
    /// Entities with every child after its parent, so a reverse walk adds children before parents.
    let topDown: [Int32]

    public enum TreeError: Error, Equatable {
        case parentOutOfRange(entity: Int)
        case cycle(entity: Int)
    }

    public init(parent: [Int32], cellsPerEntity: Int) throws(TreeError) {
        var children = [[Int32]](repeating: [], count: parent.count)
        var roots: [Int32] = []
        for (entity, p) in parent.enumerated() {
            if p < 0 {
                roots.append(Int32(entity))
            } else {
                guard Int(p) < parent.count else { throw .parentOutOfRange(entity: entity) }
                children[Int(p)].append(Int32(entity))
            }
        }
        var order: [Int32] = []
        order.reserveCapacity(parent.count)
        var queue = roots
        var head = 0
        while head < queue.count {
            let e = queue[head]
            head += 1
            order.append(e)
            queue.append(contentsOf: children[Int(e)])
        }
        // An entity never reached from a top-level one sits on a cycle.
        if order.count != parent.count {
            var reached = [Bool](repeating: false, count: parent.count)
            for e in order { reached[Int(e)] = true }
            throw .cycle(entity: reached.firstIndex(of: false) ?? 0)
        }
        self.parent = parent
        self.cellsPerEntity = cellsPerEntity
        self.topDown = order
    }

    /// Adds each entity's cells into its parent's, bottom-up, in place.
    public func rollUp(_ cells: inout [Double]) {
        precondition(cells.count == parent.count * cellsPerEntity, "cells must be entities × cellsPerEntity")
        let width = cellsPerEntity
        cells.withUnsafeMutableBufferPointer { buffer in
            for entity in topDown.reversed() {
                let p = Int(parent[Int(entity)])
                guard p >= 0 else { continue }
                let from = Int(entity) * width
                let to = p * width
                for k in 0..<width { buffer[to + k] += buffer[from + k] }
            }
        }
    }

    /// Sums `values[i]` into `cell[i]` of a dense block (entities × cellsPerEntity), splitting the
    /// rows over `threads` and adding the partial blocks at the end.
    public static func accumulate(
        cell: UnsafeBufferPointer<Int32>, values: UnsafeBufferPointer<Double>, cellCount: Int, threads: Int
    ) -> [Double] {
        let threads = max(1, min(threads, 16))
        let n = cell.count
        let partials = UnsafeMutableBufferPointer<Double>.allocate(capacity: cellCount * threads)
        partials.initialize(repeating: 0)
        defer { partials.deallocate() }
        // Each thread writes only its own block; the inputs are read-only.
        nonisolated(unsafe) let partialBase = partials.baseAddress!
        nonisolated(unsafe) let cells = cell
        nonisolated(unsafe) let amounts = values
        DispatchQueue.concurrentPerform(iterations: threads) { t in
            let lower = n * t / threads
            let upper = n * (t + 1) / threads
            let block = partialBase + t * cellCount
            for i in lower..<upper { block[Int(cells[i])] += amounts[i] }
        }
        var total = [Double](repeating: 0, count: cellCount)
        for t in 0..<threads {
            let block = partialBase + t * cellCount
            for k in 0..<cellCount { total[k] += block[k] }
        }
        return total
    }
}
