import Accounting
import Foundation
import SQLKit

/// An activity record as the API and the CLI send it: the template's fields, with the unit by code.
public struct NewActivityRecord: Sendable, Codable, Equatable {
    public var unitCode: String
    public var period: String
    public var item: String
    public var quantity: Double
    public var uom: String
    public var category: String?
    public var ncv: Double?
    public var carbonContent: Double?
    public var oxidationRate: Double?
    public var source: String?

    public init(
        unitCode: String, period: String, item: String, quantity: Double, uom: String, category: String? = nil,
        ncv: Double? = nil, carbonContent: Double? = nil, oxidationRate: Double? = nil, source: String? = nil
    ) {
        self.unitCode = unitCode
        self.period = period
        self.item = item
        self.quantity = quantity
        self.uom = uom
        self.category = category
        self.ncv = ncv
        self.carbonContent = carbonContent
        self.oxidationRate = oxidationRate
        self.source = source
    }
}

/// A stored activity record, as read back.
public struct StoredActivityRecord: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let year: Int
    public let month: Int?
    public let item: String
    public let category: String
    public let quantity: Double
    public let uom: String
    public let ncv: Double?
    public let carbonContent: Double?
    public let oxidationRate: Double?
    public let source: String?
    /// The batch that wrote it (see `RecordBatch`).
    public let batchId: Int64

    public var period: String { Period(year: year, month: month)?.description ?? String(year) }

    /// The columns' own names, so rows decode without converting every key of every row to snake
    /// case (a third of a busy server's time under a mixed load); the API writes the same names.
    enum CodingKeys: String, CodingKey {
        case id, year, month, item, category, quantity, uom, ncv, source
        case unitId = "unit_id", carbonContent = "carbon_content", oxidationRate = "oxidation_rate"
        case batchId = "batch_id"
    }
}
