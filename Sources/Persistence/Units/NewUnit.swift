import Accounting
import Foundation
import SQLKit

/// A unit as the API and the CLI create it.
public struct NewUnit: Sendable, Codable, Equatable {
    public var code: String
    public var name: String
    public var level: String
    public var parentCode: String?
    public var industryCode: String?
    public var regionCode: String
    public var ownershipShare: Double?
    public var reportingClass: String?

    public init(
        code: String, name: String, level: String, parentCode: String? = nil, industryCode: String? = nil,
        regionCode: String, ownershipShare: Double? = nil, reportingClass: String? = nil
    ) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
        self.industryCode = industryCode
        self.regionCode = regionCode
        self.ownershipShare = ownershipShare
        self.reportingClass = reportingClass
    }
}
