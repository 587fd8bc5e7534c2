/// 赛马: units ranked by a figure, with ties sharing a rank (1, 2, 2, 4) and units without the
/// figure left unranked at the end.
public enum RankingOrder: String, Sendable, Codable {
    /// Totals, intensities, year-on-year change, progress ratios: less is better.
    case lowerIsBetter = "lower_is_better"
    case higherIsBetter = "higher_is_better"
}

public struct RankedEntry<Key: Hashable & Sendable>: Sendable {
    public let key: Key
    public let value: Double?
    /// 1 is best; nil without a value.
    public let rank: Int?
    /// The rank in the earlier period, among the same entries; nil when unranked then.
    public let previousRank: Int?
    /// Places gained since the earlier period (positive: moved up).
    public var change: Int? { previousRank.flatMap { p in rank.map { p - $0 } } }
}

public enum Ranking {
    /// Two figures tie when they agree to nine significant digits, so that sums taken in another
    /// order do not split a tie.
    static func ties(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-9 * max(abs(a), abs(b))
    }

    /// Competition ranks (1, 2, 2, 4) of the entries with a value.
    public static func ranks<Key: Hashable>(_ values: [Key: Double?], order: RankingOrder) -> [Key: Int] {
        let present = values.compactMap { key, value in value.map { (key, $0) } }
        let sorted = present.sorted { order == .lowerIsBetter ? $0.1 < $1.1 : $0.1 > $1.1 }
        var ranks: [Key: Int] = [:]
        for (index, entry) in sorted.enumerated() {
            if index > 0, ties(sorted[index - 1].1, entry.1) {
                ranks[entry.0] = ranks[sorted[index - 1].0]
            } else {
                ranks[entry.0] = index + 1
            }
        }
        return ranks
    }

    /// The entries ranked now, each with its rank in the earlier period; best first, unranked last
    /// (in the order of their keys' description, for a stable page).
    public static func rank<Key: Hashable & Sendable & Comparable>(
        _ current: [Key: Double?], previous: [Key: Double?], order: RankingOrder
    ) -> [RankedEntry<Key>] {
        let now = ranks(current, order: order)
        let before = ranks(previous.filter { current.keys.contains($0.key) }, order: order)
        return current.map { key, value in
            RankedEntry(key: key, value: value, rank: now[key], previousRank: before[key])
        }.sorted { a, b in
            switch (a.rank, b.rank) {
            case (let x?, let y?): x != y ? x < y : a.key < b.key
            case (.some, nil): true
            case (nil, .some): false
            case (nil, nil): a.key < b.key
            }
        }
    }

    /// The peer group of an industry code (GB/T 4754-2017): its division, the section letter and
    /// two digits (`C3821` → `C38`); nil without a code.
    public static func peerGroup(ofIndustry code: String?) -> String? {
        guard let code, code.count >= 3 else { return nil }
        return String(code.prefix(3)).uppercased()
    }
}
