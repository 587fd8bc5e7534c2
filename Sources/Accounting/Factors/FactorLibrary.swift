/// The factors a calculation may use: the bundled set and any sets the user adds, looked up so that
/// the most specific value wins: a user set over the bundled one; within a set, the province over
/// its grid region over the nation; the activity's data year, else the latest earlier year.
public struct FactorLibrary: Sendable {
    public let bundled: FactorSet
    /// User sets in the order given; a later one overrides an earlier one.
    public let userSets: [FactorSet]
    public let provinces: ProvinceTable

    public init(bundled: FactorSet, userSets: [FactorSet] = [], provinces: ProvinceTable = .bundled) {
        self.bundled = bundled
        self.userSets = userSets
        self.provinces = provinces
    }

    public static func standard() throws(InputIssues) -> FactorLibrary {
        FactorLibrary(bundled: try FactorSet.bundled())
    }

    public func adding(_ set: FactorSet) -> FactorLibrary {
        FactorLibrary(bundled: bundled, userSets: userSets + [set], provinces: provinces)
    }

    /// Names and fingerprints of every set, e.g. `PeakZero CN 2026.11 (3f2a…)`; an inventory records it.
    public var version: String {
        ([bundled] + userSets).map { "\($0.name) (\($0.fingerprint))" }.joined(separator: " + ")
    }

    var setsByPriority: [FactorSet] { userSets.reversed() + [bundled] }

    /// The best entry of `kind` for `item`.
    /// - Parameters:
    ///   - variant: required for GWP (the set), preferred for fuel parameters (the NDRC edition).
    ///   - province: two-digit province code, for regional factors.
    ///   - year: the activity's year, for factors that change by year.
    func lookup(
        _ kind: FactorKind, item: String, variant: String? = nil, variantIsRequired: Bool = false,
        province: String? = nil, year: Int? = nil
    ) -> (entry: FactorEntry, notes: [LineageNote])? {
        for set in setsByPriority {
            var candidates = set.entries(kind, item: item)
            var notes: [LineageNote] = []
            if let variant {
                let matching = candidates.filter { $0.variant == variant }
                if variantIsRequired {
                    candidates = matching
                } else if !matching.isEmpty {
                    candidates = matching
                } else if let other = candidates.first?.variant, !other.isEmpty {
                    notes.append(.otherParameterSet(preferred: variant, used: other))
                    candidates = candidates.filter { $0.variant == other }
                }
            }
            guard !candidates.isEmpty else { continue }
            if let regional = narrowToRegion(candidates, province: province) {
                candidates = regional.entries
                notes += regional.notes
            }
            guard let chosen = pickYear(candidates, year: year) else { continue }
            return (chosen.entry, notes + chosen.notes)
        }
        return nil
    }

    private func narrowToRegion(
        _ candidates: [FactorEntry], province: String?
    ) -> (entries: [FactorEntry], notes: [LineageNote])? {
        guard candidates.contains(where: { !$0.region.isEmpty }) else { return nil }
        var levels: [String] = []
        if let province {
            levels.append(province)
            if let region = provinces.province(code: province)?.gridRegion { levels.append(region) }
        }
        levels.append("CN")
        for (depth, level) in levels.enumerated() {
            let atLevel = candidates.filter { $0.region == level }
            guard !atLevel.isEmpty else { continue }
            let notes: [LineageNote] =
                depth > 0 && province != nil ? [.regionFallback(province: province!, used: level)] : []
            return (atLevel, notes)
        }
        return ([], [])
    }

    private func pickYear(_ candidates: [FactorEntry], year: Int?) -> (entry: FactorEntry, notes: [LineageNote])? {
        let dated = candidates.filter { $0.year != nil }
        guard let year, !dated.isEmpty else { return candidates.first.map { ($0, []) } }
        if let exact = dated.first(where: { $0.year == year }) { return (exact, []) }
        if let earlier = dated.filter({ $0.year! < year }).max(by: { $0.year! < $1.year! }) {
            return (earlier, [.latestEarlierYear(requested: year, used: earlier.year!)])
        }
        let earliest = dated.min { $0.year! < $1.year! }!
        return (earliest, [.earliestLaterYear(requested: year, used: earliest.year!)])
    }
}

extension FactorLibrary {
    /// The entry of `kind` for `item` a calculation would use (user sets first, the province, the
    /// year), for callers that derive their own figures from cited factors.
    public func entry(
        _ kind: FactorKind, item: String, variant: String? = nil, province: String? = nil, year: Int? = nil
    ) -> FactorEntry? {
        lookup(kind, item: item, variant: variant, province: province, year: year)?.entry
    }
}

extension FactorLibrary {
    /// The entry with this id: the newest user set's first, then the bundled library's.
    public func entry(id: String) -> FactorEntry? {
        for set in userSets.reversed() + [bundled] {
            if let entry = set.entries.first(where: { $0.id == id }) { return entry }
        }
        return nil
    }
}
