/// Chooses a border (a feedback vertex set) for a directed graph: nodes whose removal leaves no
/// cycle. The exact reductions of Levy and Low (1988) come first — a node with no inputs or no users
/// lies on no cycle; a node with a single input (or a single user) can be bypassed, its edges handed
/// to that neighbour, and a neighbour that thereby loops onto itself must be in the border — and only
/// when none applies is the node with the largest product of inputs and users taken (the classic
/// greedy rule). On life-cycle systems the reductions do most of the work.
struct CycleBreaker {
    private(set) var inBorder: [Bool]
    /// Each node's inputs and users. Lists hold distinct nodes but may still name detached ones,
    /// which are skipped and dropped when a list is next filtered; the counts are exact.
    private let inputs: NodeLists
    private let users: NodeLists
    private var inputCount: [Int]
    private var userCount: [Int]
    private var alive: [Bool]
    /// Nodes to look at again, each listed once (`queued`).
    private var pending: [Int32] = []
    private var queued: [Bool]
    private var heap = ScoreHeap()
    /// The score each node was last pushed with: a node is pushed again only when it rose.
    private var pushed: [Int]
    private var scratch: [Int32] = []

    /// - Parameters:
    ///   - inputs, users: each node's distinct inputs and users (no self-edges), as lists.
    ///   - forced: nodes that must be in the border.
    init(inputs: NodeLists, users: NodeLists, forced: [Bool]) {
        let count = inputs.count
        self.inputs = inputs
        self.users = users
        self.inputCount = (0..<count).map { inputs.length(of: $0) }
        self.userCount = (0..<count).map { users.length(of: $0) }
        self.alive = [Bool](repeating: true, count: count)
        self.inBorder = [Bool](repeating: false, count: count)
        self.pushed = [Int](repeating: -1, count: count)
        self.queued = [Bool](repeating: false, count: count)
        for v in 0..<count where forced[v] { takeIntoBorder(v) }
        for v in 0..<count where alive[v] { queue(Int32(v)) }
        run()
    }

    private mutating func run() {
        while true {
            while let next = pending.popLast() {
                queued[Int(next)] = false
                reduce(Int(next))
            }
            guard let (score, v) = heap.pop() else { return }
            guard alive[v] else { continue }
            let current = self.score(v)
            if current < score {
                // Fallen since it was pushed: back in at its present score.
                pushed[v] = current
                heap.push(current, v)
                continue
            }
            takeIntoBorder(v)
        }
    }

    private mutating func queue(_ v: Int32) {
        guard !queued[Int(v)] else { return }
        queued[Int(v)] = true
        pending.append(v)
    }

    private func score(_ v: Int) -> Int { inputCount[v] * userCount[v] }

    private func firstAlive(_ lists: NodeLists, _ v: Int) -> Int {
        for i in 0..<lists.length(of: v) where alive[Int(lists[v, i])] { return Int(lists[v, i]) }
        preconditionFailure("a count said a neighbour was left")
    }

    private mutating func reduce(_ v: Int) {
        guard alive[v] else { return }
        // Drop detached neighbours once they are most of a list, so scans stay short.
        if inputs.length(of: v) > 2 * inputCount[v] + 8 || users.length(of: v) > 2 * userCount[v] + 8 {
            let isAlive = alive
            inputs.filter(v) { isAlive[Int($0)] }
            users.filter(v) { isAlive[Int($0)] }
        }
        if inputCount[v] == 0 || userCount[v] == 0 {
            detach(v)
        } else if inputCount[v] == 1 {
            let u = firstAlive(inputs, v)
            // u → v → u: one of the two must go, and u is never worse.
            if users.contains(Int32(u), in: v) {
                takeIntoBorder(u)
            } else {
                bypass(v, single: u, handingOverUsers: true)
            }
        } else if userCount[v] == 1 {
            let w = firstAlive(users, v)
            if inputs.contains(Int32(w), in: v) {
                takeIntoBorder(w)
            } else {
                bypass(v, single: w, handingOverUsers: false)
            }
        } else if pushed[v] < score(v) {
            // Only a rise is pushed at once; a fall is found when the entry comes up.
            pushed[v] = score(v)
            heap.push(pushed[v], v)
        }
    }

    /// Removes v, handing its edges to its single neighbour: its single input gains v's users (or its
    /// single user gains v's inputs).
    private mutating func bypass(_ v: Int, single kept: Int, handingOverUsers: Bool) {
        (handingOverUsers ? users : inputs).copy(v, into: &scratch)
        let others = scratch
        detach(v)
        let keptNode = Int32(kept)
        // Handing over users: kept gains users (its `users` list), each user gains kept as an input.
        let keptSide = handingOverUsers ? users : inputs
        let otherSide = handingOverUsers ? inputs : users
        for other in others where alive[Int(other)] {
            let o = Int(other)
            // Whether the edge is there already, asked of the shorter of the two lists.
            let present =
                otherSide.length(of: o) <= keptSide.length(of: kept)
                ? otherSide.contains(keptNode, in: o) : keptSide.contains(other, in: kept)
            if present { continue }
            keptSide.append(other, to: kept)
            otherSide.append(keptNode, to: o)
            if handingOverUsers {
                userCount[kept] += 1
                inputCount[o] += 1
            } else {
                inputCount[kept] += 1
                userCount[o] += 1
            }
            queue(other)
        }
        queue(keptNode)
    }

    private mutating func takeIntoBorder(_ v: Int) {
        inBorder[v] = true
        detach(v)
    }

    private mutating func detach(_ v: Int) {
        alive[v] = false
        for i in 0..<inputs.length(of: v) {
            let u = inputs[v, i]
            guard alive[Int(u)] else { continue }
            userCount[Int(u)] -= 1
            queue(u)
        }
        for i in 0..<users.length(of: v) {
            let w = users[v, i]
            guard alive[Int(w)] else { continue }
            inputCount[Int(w)] -= 1
            queue(w)
        }
        inputs.clear(v)
        users.clear(v)
    }
}

/// A max-heap of (score, node); the caller skips entries whose score is stale.
struct ScoreHeap {
    private var entries: [(score: Int, node: Int)] = []

    mutating func push(_ score: Int, _ node: Int) {
        entries.append((score, node))
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[parent].score < entries[child].score else { break }
            entries.swapAt(parent, child)
            child = parent
        }
    }

    mutating func pop() -> (Int, Int)? {
        guard let top = entries.first else { return nil }
        let last = entries.removeLast()
        if !entries.isEmpty {
            entries[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var largest = parent
                if left < entries.count, entries[left].score > entries[largest].score { largest = left }
                if right < entries.count, entries[right].score > entries[largest].score { largest = right }
                guard largest != parent else { break }
                entries.swapAt(parent, largest)
                parent = largest
            }
        }
        return (top.score, top.node)
    }
}
