import Foundation
import Reports
import SQLKit

/// A report as issued, with who issued it and when.
public struct IssuedReport: Sendable, Codable, Equatable {
    public let id: Int64
    public let unitId: Int64
    public let unitCode: String
    public let kind: String
    public let year: Int
    public let inventoryId: Int64
    public let inventoryVersion: Int
    public let issuedBy: String
    public let issuedAt: String
    public let report: GHGInventoryReport
}

/// Issued reports: kept whole (the report's model as JSON) so that one shows again exactly as it was
/// issued; listed for a unit's subtree, newest first. Issuing is audited.
public struct IssuedReportStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Keeps `report` as issued for the unit, by the acting account.
    public func issue(_ report: GHGInventoryReport, unitID: Int64) async throws -> IssuedReport {
        let payload = String(decoding: try Self.encoder.encode(report), as: UTF8.self)
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
                    SQLBind(unitID), SQLBind(unit.rootId), SQLBind("inventory"), SQLBind(report.basis.year),
                    SQLBind(report.basis.inventoryId), SQLBind(report.basis.inventoryVersion), SQLBind(payload),
                    SQLBind(try AuditActor.acting().name), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .reportIssued, subjectKind: "issued_report", subjectID: id, unitID: unitID,
                    after: AuditState([
                        "kind": .text("inventory"), "year": .int(Int64(report.basis.year)),
                        "inventory_id": .int(report.basis.inventoryId),
                        "inventory_version": .int(Int64(report.basis.inventoryVersion)),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    public func report(id: Int64) async throws -> IssuedReport { try await Self.find(id, in: database.sql) }

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
        let kind: String
        let year: Int
        let inventoryId: Int64
        let inventoryVersion: Int
        let payload: String
        let issuedBy: String
        let issuedAt: String

        func issued() throws -> IssuedReport {
            IssuedReport(
                id: id, unitId: unitId, unitCode: unitCode, kind: kind, year: year, inventoryId: inventoryId,
                inventoryVersion: inventoryVersion, issuedBy: issuedBy, issuedAt: issuedAt,
                report: try JSONDecoder().decode(GHGInventoryReport.self, from: Data(payload.utf8)))
        }
    }

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select()
            .column(
                SQLRaw(
                    "r.id, r.unit_id, u.code AS unit_code, r.kind, r.year, r.inventory_id, r.inventory_version, r.payload, r.issued_by, r.issued_at"
                )
            )
            .from(SQLAlias(SQLIdentifier("issued_reports"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
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
