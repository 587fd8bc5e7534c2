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
        // Every stack is at most `size` deep, so all are allocated once; the loop runs on pointers.
        let index = UnsafeMutablePointer<Int32>.allocate(capacity: max(size, 1))
        let low = UnsafeMutablePointer<Int32>.allocate(capacity: max(size, 1))
        let onStack = UnsafeMutablePointer<Bool>.allocate(capacity: max(size, 1))
        let componentStack = UnsafeMutablePointer<Int32>.allocate(capacity: max(size, 1))
        let callNode = UnsafeMutablePointer<Int32>.allocate(capacity: max(size, 1))
        let callNext = UnsafeMutablePointer<Int>.allocate(capacity: max(size, 1))
        defer {
            for pointer in [index, low, componentStack, callNode] { pointer.deallocate() }
            onStack.deallocate()
            callNext.deallocate()
        }
        index.initialize(repeating: -1, count: size)
        onStack.initialize(repeating: false, count: size)
        var stacked = 0
        var calls = 0
        var nodes = [Int32](repeating: 0, count: size)
        var emitted = 0
        var starts = [0]
        var counter: Int32 = 0

        func visit(_ node: Int) {
            index[node] = counter
            low[node] = counter
            counter += 1
            componentStack[stacked] = Int32(node)
            stacked += 1
            onStack[node] = true
            callNode[calls] = Int32(node)
            callNext[calls] = columnStarts[node]
            calls += 1
        }

        for root in 0..<size where index[root] < 0 {
            visit(root)
            while calls > 0 {
                let top = calls - 1
                let node = Int(callNode[top])
                let next = callNext[top]
                if next < columnStarts[node + 1] {
                    callNext[top] = next + 1
                    let neighbour = Int(rowIndices[next])
                    if neighbour == node { continue }
                    if index[neighbour] < 0 {
                        visit(neighbour)
                    } else if onStack[neighbour], index[neighbour] < low[node] {
                        low[node] = index[neighbour]
                    }
                    continue
                }
                calls -= 1
                if calls > 0 {
                    let parent = Int(callNode[calls - 1])
                    if low[node] < low[parent] { low[parent] = low[node] }
                }
                if low[node] == index[node] {
                    while stacked > 0 {
                        stacked -= 1
                        let member = componentStack[stacked]
                        onStack[Int(member)] = false
                        nodes[emitted] = member
                        emitted += 1
                        if Int(member) == node { break }
                    }
                    starts.append(emitted)
                }
            }
        }
        return (nodes, starts)
    }
}
