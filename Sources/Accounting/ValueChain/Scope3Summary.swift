/// A subject's Scope 3 for a year, by category: what each category holds, by which methods and at
/// which data quality, what was excluded and why, and what was not assessed. It stands beside
/// Scope 1 and 2 and is never added to them (nor to the dual-control totals or the four indicators).
public struct Scope3Summary: Sendable, Codable, Equatable {
    public struct Category: Sendable, Codable, Equatable {
        public let category: Int
        public let tonnes: Double
        public let rows: Int
        public let methods: [Scope3Method]
        /// The rows' tiers weighted by their emissions (a plain mean when the category's total is 0).
        public let weightedTier: Double
    }

    public struct Exclusion: Sendable, Codable, Equatable {
        public let category: Int
        public let reason: String
    }

    /// One calculated row, as the summary needs it.
    public struct Row: Sendable {
        public let category: Scope3Category
        public let method: Scope3Method?
        public let tier: DataQualityTier?
        public let tonnes: Double
        public let excludedReason: String?

        public init(
            category: Scope3Category, method: Scope3Method?, tier: DataQualityTier?, tonnes: Double,
            excludedReason: String?
        ) {
            self.category = category
            self.method = method
            self.tier = tier
            self.tonnes = tonnes
            self.excludedReason = excludedReason
        }
    }

    public let categories: [Category]
    public let exclusions: [Exclusion]
    /// Categories with neither a row nor an exclusion.
    public let notAssessed: [Int]
    public let upstreamTonnes: Double
    public let downstreamTonnes: Double

    public var totalTonnes: Double { upstreamTonnes + downstreamTonnes }

    public init(_ rows: [Row]) {
        var byCategory: [Scope3Category: [Row]] = [:]
        var exclusions: [Exclusion] = []
        for row in rows {
            if let reason = row.excludedReason {
                if !exclusions.contains(where: { $0.category == row.category.rawValue && $0.reason == reason }) {
                    exclusions.append(Exclusion(category: row.category.rawValue, reason: reason))
                }
            } else {
                byCategory[row.category, default: []].append(row)
            }
        }
        categories = byCategory.keys.sorted().map { category in
            let rows = byCategory[category]!
            let total = rows.reduce(0) { $0 + $1.tonnes }
            let tiers = rows.map { Double($0.tier?.rawValue ?? DataQualityTier.poor.rawValue) }
            let weighted =
                total > 0
                ? zip(rows, tiers).reduce(0) { $0 + $1.0.tonnes * $1.1 } / total
                : tiers.reduce(0, +) / Double(tiers.count)
            let methods = Set(rows.compactMap(\.method))
            return Category(
                category: category.rawValue, tonnes: total, rows: rows.count,
                methods: Scope3Method.allCases.filter(methods.contains), weightedTier: weighted)
        }
        self.exclusions = exclusions.sorted { ($0.category, $0.reason) < ($1.category, $1.reason) }
        let assessed = Set(byCategory.keys.map(\.rawValue) + exclusions.map(\.category))
        notAssessed = Scope3Category.allCases.map(\.rawValue).filter { !assessed.contains($0) }
        upstreamTonnes = categories.filter { $0.category <= 8 }.reduce(0) { $0 + $1.tonnes }
        downstreamTonnes = categories.filter { $0.category > 8 }.reduce(0) { $0 + $1.tonnes }
    }

    public var isEmpty: Bool { categories.isEmpty && exclusions.isEmpty }
}
