/// The strongly connected components of a square matrix's graph (column j → row i for every
/// off-diagonal entry: column j needs what row i makes), in an order that puts every entry's row in
/// the same component as its column or an earlier one — the block upper-triangular form.
///
/// Tarjan's algorithm, iterative so that a supply chain thousands of steps deep cannot overflow the
/// stack. A component is emitted once everything its root reaches is emitted, so what a column needs
/// always comes first.
struct StrongComponents {
    /// Nodes grouped by component, components in block order.
    let nodes: [Int32]
    /// Component k holds `nodes[starts[k] ..< starts[k + 1]]`.
    let starts: [Int]

    init(size: Int, columnStarts: [Int], rowIndices: [Int32]) {
        (nodes, starts) = columnStarts.withUnsafeBufferPointer { columnStarts in
            rowIndices.withUnsafeBufferPointer { rowIndices in
                Self.components(size: size, columnStarts: columnStarts, rowIndices: rowIndices)
            }
        }
    }

    private static func components(
        size: Int, columnStarts: UnsafeBufferPointer<Int>, rowIndices: UnsafeBufferPointer<Int32>
    ) -> ([Int32], [Int]) {
        var index = [Int32](repeating: -1, count: size)
        var low = [Int32](repeating: 0, count: size)
        var onStack = [Bool](repeating: false, count: size)
        var componentStack: [Int32] = []
        var calls: [(node: Int, next: Int)] = []
        var nodes: [Int32] = []
        nodes.reserveCapacity(size)
        var starts = [0]
        var counter: Int32 = 0

        func visit(_ node: Int) {
            index[node] = counter
            low[node] = counter
            counter += 1
            componentStack.append(Int32(node))
            onStack[node] = true
            calls.append((node, columnStarts[node]))
        }

        for root in 0..<size where index[root] < 0 {
            visit(root)
            while let top = calls.last {
                let node = top.node
                if top.next < columnStarts[node + 1] {
                    calls[calls.count - 1].next += 1
                    let neighbour = Int(rowIndices[top.next])
                    if neighbour == node { continue }
                    if index[neighbour] < 0 {
                        visit(neighbour)
                    } else if onStack[neighbour] {
                        low[node] = min(low[node], index[neighbour])
                    }
                    continue
                }
                calls.removeLast()
                if let parent = calls.last { low[parent.node] = min(low[parent.node], low[node]) }
                if low[node] == index[node] {
                    while let member = componentStack.popLast() {
                        onStack[Int(member)] = false
                        nodes.append(member)
                        if Int(member) == node { break }
                    }
                    starts.append(nodes.count)
                }
            }
        }
        return (nodes, starts)
    }
}
