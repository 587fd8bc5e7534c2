import Accounting
import Pathways
import SQLKit

/// The regional statistics the pathways read: written a file's batch at a time (superseding the
/// stored rows a replacing import names), audited, and read by region.
public struct RegionalStatisticsStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    static let columns = [
        "region_code", "year", "area", "carrier", "energy_tce", "value_added", "gdp", "population", "batch_id",
        "created_at",
    ]

    /// The stored rows of these regions, by key.
    public func storedIDs(regions: Set<String>) async throws -> [RegionalKey: Int64] {
        var stored: [RegionalKey: Int64] = [:]
        for chunk in Array(regions).chunked(by: 10_000) {
            let rows = try await database.sql.select().columns("id", "region_code", "year", "area", "carrier")
                .from("regional_statistics").where("region_code", .in, SQLBind.group(Array(chunk))).all()
            for row in rows {
                let key = RegionalKey(
                    regionCode: try row.decode(column: "region_code", as: String.self),
                    year: try row.decode(column: "year", as: Int.self),
                    area: try row.decode(column: "area", as: String.self),
                    carrier: try row.decode(column: "carrier", as: String.self))
                stored[key] = try row.decode(column: "id", as: Int64.self)
            }
        }
        return stored
    }

    /// Writes the rows of a file in one transaction, after deleting the stored rows they supersede,
    /// with one audit entry for the batch.
    @discardableResult
    public func write(
        _ rows: [RegionalStatistic], provenance: RecordBatch, superseding: [Int64] = []
    ) async throws -> [Int64] {
        let dialect = database.dialect
        let ids = try await database.transaction { db in
            let batchID = try await provenance.insert(count: rows.count, in: db)
            for chunk in superseding.chunked(by: 10_000) {
                try await db.delete(from: "regional_statistics").where("id", .in, SQLBind.group(Array(chunk))).run()
            }
            let now = Timestamp.now()
            var ids: [Int64] = []
            for chunk in rows.chunked(by: dialect.maxBinds / Self.columns.count) {
                var insert = db.insert(into: "regional_statistics").columns(Self.columns)
                for row in chunk {
                    let key = row.key
                    insert = insert.values(
                        SQLBind(key.regionCode), SQLBind(key.year), SQLBind(key.area), SQLBind(key.carrier),
                        SQLBind(row.energyTce), SQLBind(row.valueAdded), SQLBind(row.gdp), SQLBind(row.population),
                        SQLBind(batchID), SQLBind(now))
                }
                ids += try await insert.returning("id").all().map { try $0.decode(column: "id", as: Int64.self) }
            }
            var change = AuditLog.batchChange(
                .regionalImported, batchID: batchID, provenance: provenance, rows: rows.count,
                superseded: superseding.count, unitPaths: [String](), periods: rows.map { ($0.year, nil) })
            change.after?.fields["regions"] = .text(Set(rows.map(\.regionCode)).sorted().joined(separator: ","))
            try await AuditLog.append([change], in: db)
            return ids
        }
        try await PathwayPlanStore(database).renewSummaries(regions: Set(rows.map(\.regionCode)))
        return ids
    }

    /// The stored rows of a region and the regions within it (a prefix of their codes), by year.
    public func list(region: RegionPrefix) async throws -> [StoredRegionalStatistic] {
        let rows = try await database.sql.select().columns(["id"] + Array(Self.columns.prefix(8)))
            .from("regional_statistics")
            .where("region_code", .like, SQLBind(region.prefix + "%"))
            .orderBy("region_code").orderBy("year").orderBy("area").orderBy("carrier").all()
        return try rows.map { row in
            let area = try row.decode(column: "area", as: String.self)
            let carrier = try row.decode(column: "carrier", as: String.self)
            return StoredRegionalStatistic(
                id: try row.decode(column: "id", as: Int64.self),
                statistic: RegionalStatistic(
                    regionCode: try row.decode(column: "region_code", as: String.self),
                    year: try row.decode(column: "year", as: Int.self), area: PlanningArea(rawValue: area),
                    carrier: RegionalCarrier(rawValue: carrier),
                    energyTce: try row.decode(column: "energy_tce", as: Double?.self),
                    valueAdded: try row.decode(column: "value_added", as: Double?.self),
                    gdp: try row.decode(column: "gdp", as: Double?.self),
                    population: try row.decode(column: "population", as: Double?.self)))
        }
    }
}

extension RegionalStatisticsStore {
    /// The statistics of one region (its own code, not the regions within it) by year.
    public func history(regionCode: String) async throws -> RegionalHistory {
        var years: [Int: RegionalYear] = [:]
        guard let prefix = RegionPrefix(regionCode) else { return RegionalHistory(regionCode: regionCode, years: [:]) }
        for stored in try await list(region: prefix) where stored.statistic.regionCode == regionCode {
            let row = stored.statistic
            var year = years[row.year] ?? RegionalYear()
            switch row.shape {
            case .energy: year.energy[row.area!, default: [:]][row.carrier!] = row.energyTce
            case .valueAdded: year.valueAdded[row.area!] = row.valueAdded
            case .totals:
                year.gdp = row.gdp ?? year.gdp
                year.population = row.population ?? year.population
            case nil: continue
            }
            years[row.year] = year
        }
        return RegionalHistory(regionCode: regionCode, years: years)
    }
}
