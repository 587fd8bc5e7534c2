import Accounting
import Foundation
import Reports
import SQLKit

/// What an issued report holds: one report's whole model.
public enum IssuedContent: Sendable, Equatable {
    case inventory(GHGInventoryReport)
    case climate(ClimateDisclosure)
    case supervisor(SupervisorReport)

    /// The kind as stored: `inventory`, `climate`, `supervisor`.
    public var kind: String {
        switch self {
        case .inventory: "inventory"
        case .climate: "climate"
        case .supervisor: "supervisor"
        }
    }

    public var year: Int {
        switch self {
        case .inventory(let report): report.basis.year
        case .climate(let report): report.basis.year
        case .supervisor(let report): report.basis.year
        }
    }

    /// The inventory report inside (the climate section holds one); nil for a supervisor's report,
    /// which is drawn from many inventories.
    public var inventoryReport: GHGInventoryReport? {
        switch self {
        case .inventory(let report): report
        case .climate(let report): report.inventory
        case .supervisor: nil
        }
    }

    func encoded(_ encoder: JSONEncoder) throws -> Data {
        switch self {
        case .inventory(let report): try encoder.encode(report)
        case .climate(let report): try encoder.encode(report)
        case .supervisor(let report): try encoder.encode(report)
        }
    }

    static func decode(kind: String, _ data: Data) throws -> IssuedContent {
        let decoder = JSONDecoder()
        switch kind {
        case "climate": return .climate(try decoder.decode(ClimateDisclosure.self, from: data))
        case "supervisor": return .supervisor(try decoder.decode(SupervisorReport.self, from: data))
        default: return .inventory(try decoder.decode(GHGInventoryReport.self, from: data))
        }
    }
}

/// A report as issued, with who issued it and when. A supervisor's report has no one inventory:
/// its inventory id and version are 0. A region's report has unit 0, its region's code as its
/// `unitCode`, and `regionCode`.
public struct IssuedReport: Sendable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let regionCode: String?
    public let kind: String
    public let year: Int
    public let inventoryId: Int64
    public let inventoryVersion: Int
    public let issuedBy: String
    public let issuedAt: String
    public let content: IssuedContent
}

/// Issued reports: kept whole (the report's model as JSON) so that one shows again exactly as it was
/// issued; listed for a unit's subtree, newest first. Issuing is audited.
public struct IssuedReportStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Keeps `content` as issued for the unit, by the acting account.
    public func issue(_ content: IssuedContent, unitID: Int64) async throws -> IssuedReport {
        let payload = String(decoding: try content.encoded(Self.encoder), as: UTF8.self)
        let inventory = content.inventoryReport.map { ($0.basis.inventoryId, $0.basis.inventoryVersion) } ?? (0, 0)
        let now = Timestamp.now()
        return try await database.transaction { db in
            guard let unit = try await UnitStore.find(id: unitID, in: db) else {
                throw StoreError.notFound(kind: "unit", id: String(unitID))
            }
            let row = try await db.insert(into: "issued_reports")
                .columns(
                    "unit_id", "root_id", "kind", "year", "inventory_id", "inventory_version", "payload", "issued_by",
                    "issued_at"
                )
                .values(
                    SQLBind(unitID), SQLBind(unit.rootId), SQLBind(content.kind), SQLBind(content.year),
                    SQLBind(inventory.0), SQLBind(inventory.1), SQLBind(payload),
                    SQLBind(try AuditActor.acting().name), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .reportIssued, subjectKind: "issued_report", subjectID: id, unitID: unitID,
                    after: AuditState([
                        "kind": .text(content.kind), "year": .int(Int64(content.year)),
                        "inventory_id": .int(inventory.0), "inventory_version": .int(Int64(inventory.1)),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    /// Keeps a region's supervisor's report as issued, by the acting account.
    public func issue(_ report: SupervisorReport, region code: String) async throws -> IssuedReport {
        let payload = String(decoding: try Self.encoder.encode(report), as: UTF8.self)
        let now = Timestamp.now()
        return try await database.transaction { db in
            let row = try await db.insert(into: "issued_reports")
                .columns(
                    "unit_id", "root_id", "region_code", "kind", "year", "inventory_id", "inventory_version", "payload",
                    "issued_by", "issued_at"
                )
                .values(
                    SQLBind(Int64(0)), SQLBind(Int64(0)), SQLBind(code), SQLBind("supervisor"),
                    SQLBind(report.basis.year), SQLBind(Int64(0)), SQLBind(0), SQLBind(payload),
                    SQLBind(try AuditActor.acting().name), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .reportIssued, subjectKind: "issued_report", subjectID: id, year: report.basis.year,
                    after: AuditState([
                        "kind": .text("supervisor"), "region": .text(code), "year": .int(Int64(report.basis.year)),
                        "as_of": .text(report.basis.asOf),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    public func report(id: Int64) async throws -> IssuedReport { try await Self.find(id, in: database.sql) }

    /// The reports issued for a region and the regions within it, newest first.
    public func list(region: RegionPrefix) async throws -> [IssuedReport] {
        try await Self.select(database.sql)
            .where(SQLColumn("region_code", table: "r"), .like, SQLBind(region.prefix + "%"))
            .orderBy(SQLColumn("id", table: "r"), SQLDirection.descending)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.issued() }
    }

    /// The issued reports of a unit's subtree, newest first.
    public func list(under unitID: Int64) async throws -> [IssuedReport] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await Self.select(database.sql)
            .where(SQLColumn("root_id", table: "r"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .orderBy(SQLColumn("id", table: "r"), SQLDirection.descending)
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map { try $0.issued() }
    }

    /// Keys sorted, so the kept text is the same for the same report.
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let regionCode: String?
        let kind: String
        let year: Int
        let inventoryId: Int64
        let inventoryVersion: Int
        let payload: String
        let issuedBy: String
        let issuedAt: String

        func issued() throws -> IssuedReport {
            IssuedReport(
                id: id, unitId: unitId, unitCode: unitCode, regionCode: regionCode, kind: kind, year: year, inventoryId: inventoryId,
                inventoryVersion: inventoryVersion, issuedBy: issuedBy, issuedAt: issuedAt,
                content: try IssuedContent.decode(kind: kind, Data(payload.utf8)))
        }
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(
                SQLRaw(
                    "r.id, r.unit_id, COALESCE(u.code, r.region_code) AS unit_code, r.region_code, r.kind, r.year, r.inventory_id, r.inventory_version, r.payload, r.issued_by, r.issued_at"
                )
            )
            .from(SQLAlias(SQLIdentifier("issued_reports"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.left,
                on: SQLRaw("u.id = r.unit_id"))
    }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> IssuedReport {
        guard
            let row = try await select(db).where(SQLColumn("id", table: "r"), .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw StoreError.notFound(kind: "issued_report", id: String(id)) }
        return try row.issued()
    }
}
