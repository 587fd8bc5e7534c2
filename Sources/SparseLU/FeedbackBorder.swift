/// Splits a cyclic component into an acyclic part and a small *border* of nodes whose removal breaks
/// every cycle (a feedback vertex set), and orders the acyclic part so that every node comes after
/// what it needs. With that order the acyclic part's block is triangular — it needs no elimination
/// and makes no fill — and all coupling of the cycles is gathered in the border's dense Schur
/// complement.
///
/// Life-cycle technosphere matrices are nearly acyclic: their loops run through a few basic goods
/// (electricity, transport, steel, chemicals), so the border is a small share of the component.
/// Finding the smallest border is NP-hard; the greedy rule used here (peel off nodes with no remaining
/// inputs or no remaining users, and when none is left, move the node with the largest product of
/// remaining inputs and users into the border) is the classic heuristic for it.
struct FeedbackBorder {
    /// The component's acyclic nodes, each after every node it needs.
    let acyclic: [Int32]
    /// The border's nodes.
    let border: [Int32]

    /// - Parameters:
    ///   - members: the component's nodes (global indices).
    ///   - forced: nodes that must go into the border (no usable diagonal).
    ///   - scratch: an array of the matrix's size filled with -1; left as found.
    init(
        members: ArraySlice<Int32>, columnStarts: [Int], rowIndices: [Int32], forced: Set<Int32>,
        scratch local: inout [Int32]
    ) {
        let count = members.count
        for (position, node) in members.enumerated() { local[Int(node)] = Int32(position) }
        defer { for node in members { local[Int(node)] = -1 } }

        // Edges u → v inside the component: v needs u (entry at row u of column v).
        var inStarts = [Int](repeating: 0, count: count + 1)
        var outCounts = [Int](repeating: 0, count: count + 1)
        var inNeighbours: [Int32] = []
        for (v, node) in members.enumerated() {
            for position in columnStarts[Int(node)]..<columnStarts[Int(node) + 1] {
                let u = local[Int(rowIndices[position])]
                guard u >= 0, Int(u) != v else { continue }
                inNeighbours.append(u)
                outCounts[Int(u) + 1] += 1
            }
            inStarts[v + 1] = inNeighbours.count
        }
        var outStarts = outCounts
        for v in 0..<count { outStarts[v + 1] += outStarts[v] }
        var outNeighbours = [Int32](repeating: 0, count: inNeighbours.count)
        var fill = outStarts
        for v in 0..<count {
            for position in inStarts[v]..<inStarts[v + 1] {
                let u = Int(inNeighbours[position])
                outNeighbours[fill[u]] = Int32(v)
                fill[u] += 1
            }
        }

        var isForced = [Bool](repeating: false, count: count)
        for (v, node) in members.enumerated() where forced.contains(node) { isForced[v] = true }
        var inBorder = CycleBreaker(
            inputs: NodeLists(count: count, starts: inStarts, entries: inNeighbours),
            users: NodeLists(count: count, starts: outStarts, entries: outNeighbours), forced: isForced
        ).inBorder

        // Topological order of the rest (Kahn): a node after everything it needs.
        var waiting = [Int](repeating: 0, count: count)
        var ready: [Int] = []
        for v in 0..<count where !inBorder[v] {
            for position in inStarts[v]..<inStarts[v + 1] where !inBorder[Int(inNeighbours[position])] {
                waiting[v] += 1
            }
            if waiting[v] == 0 { ready.append(v) }
        }
        var place = [Double](repeating: 0, count: count)
        var placed = 0
        while let v = ready.popLast() {
            place[v] = Double(placed)
            placed += 1
            for position in outStarts[v]..<outStarts[v + 1] {
                let w = Int(outNeighbours[position])
                guard !inBorder[w] else { continue }
                waiting[w] -= 1
                if waiting[w] == 0 { ready.append(w) }
            }
        }
        // Should the border have left a cycle, its nodes join the border: larger, never wrong.
        for v in 0..<count where !inBorder[v] && waiting[v] > 0 { inBorder[v] = true }

        // The greedy choice overshoots: give back every border node that fits between the last of
        // what it needs and the first of its users in the order so far (fewest edges first, as those
        // fit most often).
        let candidates = (0..<count).filter { inBorder[$0] && !isForced[$0] }.sorted {
            (inDegreeAll($0), $0) < (inDegreeAll($1), $1)
        }
        func inDegreeAll(_ v: Int) -> Int { inStarts[v + 1] - inStarts[v] + outStarts[v + 1] - outStarts[v] }
        for v in candidates {
            var latestInput = -Double.infinity
            for position in inStarts[v]..<inStarts[v + 1] where !inBorder[Int(inNeighbours[position])] {
                latestInput = max(latestInput, place[Int(inNeighbours[position])])
            }
            var earliestUser = Double.infinity
            for position in outStarts[v]..<outStarts[v + 1] where !inBorder[Int(outNeighbours[position])] {
                earliestUser = min(earliestUser, place[Int(outNeighbours[position])])
            }
            guard latestInput < earliestUser else { continue }
            let between: Double
            switch (latestInput.isFinite, earliestUser.isFinite) {
            case (true, true): between = (latestInput + earliestUser) / 2
            case (true, false): between = latestInput + 1
            case (false, true): between = earliestUser - 1
            case (false, false): between = 0
            }
            guard between > latestInput, between < earliestUser else { continue }
            place[v] = between
            inBorder[v] = false
        }

        var acyclicLocal = (0..<count).filter { !inBorder[$0] }
        acyclicLocal.sort { place[$0] < place[$1] }
        let acyclic = acyclicLocal.map { members[members.startIndex + $0] }
        self.acyclic = acyclic
        self.border = (0..<count).filter { inBorder[$0] }.map { members[members.startIndex + $0] }
    }
}
