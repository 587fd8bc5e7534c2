/// The ownership tree of units, for walking up and down it without a query per step.
public struct UnitTree: Sendable {
    public let units: [Int64: ReportingUnit]
    private let childrenByParent: [Int64: [Int64]]

    public init(_ units: [ReportingUnit]) {
        self.units = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
        var children: [Int64: [Int64]] = [:]
        for unit in units {
            if let parent = unit.parentID { children[parent, default: []].append(unit.id) }
        }
        self.childrenByParent = children.mapValues { $0.sorted() }
    }

    public func children(of id: Int64) -> [ReportingUnit] {
        childrenByParent[id, default: []].compactMap { units[$0] }
    }

    /// The unit and everything below it.
    public func subtree(of id: Int64) -> [ReportingUnit] {
        var result: [ReportingUnit] = []
        var stack = [id]
        while let next = stack.popLast() {
            guard let unit = units[next] else { continue }
            result.append(unit)
            stack.append(contentsOf: childrenByParent[next, default: []].reversed())
        }
        return result
    }

    /// The ids from the top-level unit down to `id`, inclusive.
    public func path(to id: Int64) -> [Int64] {
        var path: [Int64] = []
        var next: Int64? = id
        var seen = Set<Int64>()
        while let current = next, let unit = units[current], seen.insert(current).inserted {
            path.append(current)
            next = unit.parentID
        }
        return path.reversed()
    }

    /// Whether making `parent` the parent of `child` would close a loop.
    public func wouldCreateCycle(child: Int64, parent: Int64) -> Bool {
        path(to: parent).contains(child)
    }

    /// The product of the ownership shares from `id` up to, but excluding, the top-level unit:
    /// the share of the unit its top-level owner holds.
    public func equityFromRoot(of id: Int64) -> Double {
        path(to: id).dropFirst().reduce(1.0) { $0 * (units[$1]?.ownershipShare ?? 1) }
    }

    /// The child of `ancestor` whose subtree holds `id` (or nil when `id` is `ancestor` itself or outside it).
    public func child(of ancestor: Int64, containing id: Int64) -> Int64? {
        let path = path(to: id)
        guard let index = path.firstIndex(of: ancestor), index + 1 < path.count else { return nil }
        return path[index + 1]
    }
}
