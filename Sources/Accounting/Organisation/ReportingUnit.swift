/// A node of the ownership tree (单位): a supervisor, group, enterprise or facility.
public struct ReportingUnit: Sendable, Equatable, Codable {
    public var id: Int64
    /// 统一社会信用代码 where the unit has one, else the owner's own code. Unique.
    public var code: String
    public var name: String
    public var level: Level
    public var parentID: Int64?
    /// Industry code (GB/T 4754-2017), e.g. `C3821`.
    public var industryCode: String?
    /// Where it is (GB/T 2260, six digits).
    public var regionCode: String
    /// The share of it its parent holds, in (0, 1]. 1 for a top-level unit.
    public var ownershipShare: Double
    public var reportingClass: ReportingClass

    public enum Level: String, Sendable, Codable, CaseIterable {
        case supervisor, group, enterprise, facility
    }

    /// How often the unit reports: 月报, 季报 or 年报.
    public enum ReportingClass: String, Sendable, Codable, CaseIterable {
        case monthly, quarterly, yearly
    }

    public init(
        id: Int64, code: String, name: String, level: Level, parentID: Int64?, industryCode: String?,
        regionCode: String, ownershipShare: Double = 1, reportingClass: ReportingClass = .monthly
    ) {
        self.id = id
        self.code = code
        self.name = name
        self.level = level
        self.parentID = parentID
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.ownershipShare = ownershipShare
        self.reportingClass = reportingClass
    }
}

/// How a unit's figures include its descendants'.
public enum ConsolidationApproach: String, Sendable, Codable, CaseIterable {
    /// Operational/financial control: every descendant counts in full.
    case control
    /// Equity share: each descendant counts by the product of the ownership shares on its way up.
    case equity
}
