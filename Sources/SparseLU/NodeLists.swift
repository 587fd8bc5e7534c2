/// One list of node numbers per node, all in one growable buffer: a list that outgrows its room is
/// moved to the end with twice the room. For the cycle breaker, whose thousands of small lists grow
/// and shrink while it runs; Swift arrays of arrays cost an allocation, a reference count and a
/// uniqueness check per list per change, which was most of the analysis's time.
final class NodeLists {
    private var storage: UnsafeMutablePointer<Int32>
    private var storageCapacity: Int
    private var used: Int
    private let start: UnsafeMutablePointer<Int>
    private let length: UnsafeMutablePointer<Int32>
    private let room: UnsafeMutablePointer<Int32>
    let count: Int

    /// Lists `lists(v)` for v in 0..<count, laid out from a compressed form: list v is
    /// `entries[starts[v] ..< starts[v + 1]]`.
    init(count: Int, starts: [Int], entries: [Int32]) {
        self.count = count
        let capacity = max(16, entries.count * 2)
        let buffer = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        entries.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { buffer.initialize(from: base, count: entries.count) }
        }
        storageCapacity = capacity
        storage = buffer
        start = .allocate(capacity: max(count, 1))
        length = .allocate(capacity: max(count, 1))
        room = .allocate(capacity: max(count, 1))
        used = entries.count
        for v in 0..<count {
            start[v] = starts[v]
            length[v] = Int32(starts[v + 1] - starts[v])
            room[v] = length[v]
        }
    }

    deinit {
        storage.deallocate()
        start.deallocate()
        length.deallocate()
        room.deallocate()
    }

    func length(of v: Int) -> Int { Int(length[v]) }

    /// Entry i of list v.
    subscript(v: Int, i: Int) -> Int32 { storage[start[v] + i] }

    func contains(_ x: Int32, in v: Int) -> Bool {
        let base = storage + start[v]
        for i in 0..<Int(length[v]) where base[i] == x { return true }
        return false
    }

    func append(_ x: Int32, to v: Int) {
        if length[v] == room[v] { move(v, room: max(4, Int(room[v]) * 2)) }
        storage[start[v] + Int(length[v])] = x
        length[v] += 1
    }

    func clear(_ v: Int) { length[v] = 0 }

    /// Keeps the entries `keep` accepts, in order.
    func filter(_ v: Int, keep: (Int32) -> Bool) {
        let base = storage + start[v]
        var kept = 0
        for i in 0..<Int(length[v]) where keep(base[i]) {
            base[kept] = base[i]
            kept += 1
        }
        length[v] = Int32(kept)
    }

    /// Copies list v into `out` (cleared first): for iterating while other lists grow.
    func copy(_ v: Int, into out: inout [Int32]) {
        out.removeAll(keepingCapacity: true)
        let base = storage + start[v]
        for i in 0..<Int(length[v]) { out.append(base[i]) }
    }

    private func move(_ v: Int, room newRoom: Int) {
        if used + newRoom > storageCapacity {
            let grown = max(storageCapacity * 2, used + newRoom)
            let bigger = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
            bigger.update(from: storage, count: used)
            storage.deallocate()
            storage = bigger
            storageCapacity = grown
        }
        (storage + used).update(from: storage + start[v], count: Int(length[v]))
        start[v] = used
        room[v] = Int32(newRoom)
        used += newRoom
    }
}
