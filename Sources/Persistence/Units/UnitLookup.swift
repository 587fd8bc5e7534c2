import Accounting
import SQLKit

/// The few columns of units that data writes and subtree reads need.
enum UnitLookup {
    struct Entry: Sendable, Decodable {
        let id: Int64
        let rootID: Int64
        let code: String
        let regionCode: String
        let path: String
        /// The share of the unit its top-level owner holds (the product of shares on the way up).
        let rootEquity: Double

        enum CodingKeys: String, CodingKey {
            case id, code, path
            case rootID = "root_id", regionCode = "region_code", rootEquity = "root_equity"
        }
    }

    static let columns: [String] = ["id", "root_id", "code", "region_code", "path", "root_equity"]

    /// Units by code, for the codes given (one query per 10 000 codes).
    static func byCode(_ codes: [String], in db: any SQLDatabase) async throws -> [String: Entry] {
        var result: [String: Entry] = [:]
        for batch in codes.chunked(by: 10_000) where !batch.isEmpty {
            let entries = try await db.select().columns(columns).from("units")
                .where("code", .in, SQLBind.group(Array(batch))).all(decoding: Entry.self)
            for entry in entries { result[entry.code] = entry }
        }
        return result
    }

    /// The unit whose subtree a query covers; 404 when it does not exist.
    static func anchor(_ id: Int64, in db: any SQLDatabase) async throws -> Entry {
        guard
            let entry = try await db.select().columns(columns).from("units").where("id", .equal, SQLBind(id))
                .first(decoding: Entry.self)
        else { throw StoreError.notFound(kind: "unit", id: String(id)) }
        return entry
    }

    /// Throws unless every unit id exists (on a bulk connection, inside its transaction).
    static func requireExisting(_ ids: Set<Int64>, in raw: SQLiteRaw) throws {
        var found = 0
        // Integers only, so the lists are safe to inline.
        for batch in Array(ids).chunked(by: 10_000) {
            let count = try raw.prepare(
                "SELECT COUNT(*) FROM units WHERE id IN (\(batch.map(String.init).joined(separator: ",")))")
            try count.step()
            found += Int(count.int64(0))
        }
        if found != ids.count {
            throw StoreError.conflict("\(ids.count - found) of the batch's units were deleted while it was checked")
        }
    }
}

/// Marks inventories stale when data they rest on changes: any inventory of the same year whose
/// unit is the changed unit or one of its ancestors. Never rewrites an inventory.
enum InventoryStaleness {
    static func mark(units: [Int64], years: Set<Int>, in db: any SQLDatabase) async throws {
        let unique = Array(Set(units))
        guard !unique.isEmpty, !years.isEmpty else { return }
        var paths: [String] = []
        for batch in unique.chunked(by: 10_000) {
            paths += try await db.select().column("path").from("units").where("id", .in, SQLBind.group(Array(batch)))
                .all().map { try $0.decode(column: "path", as: String.self) }
        }
        for batch in Array(ancestors(ofPaths: paths)).chunked(by: 10_000) {
            try await db.update("inventories").set("stale", to: SQLBind(1))
                .where("unit_id", .in, SQLBind.group(Array(batch)))
                .where("year", .in, SQLBind.group(Array(years)))
                .run()
        }
    }

    /// The ids on the given unit paths (`/1/5/23/`): the units and all their ancestors.
    static func ancestors(ofPaths paths: some Sequence<String>) -> Set<Int64> {
        var ids = Set<Int64>()
        for path in paths {
            for part in path.split(separator: "/") { if let id = Int64(part) { ids.insert(id) } }
        }
        return ids
    }

    /// The same marking on a bulk SQLite connection, inside its transaction.
    static func mark(paths: some Sequence<String>, years: Set<Int>, in raw: SQLiteRaw) throws {
        let ids = ancestors(ofPaths: paths)
        guard !ids.isEmpty, !years.isEmpty else { return }
        // Integers only, so the lists are safe to inline.
        for batch in Array(ids).chunked(by: 10_000) {
            try raw.exec(
                "UPDATE inventories SET stale = 1 WHERE unit_id IN (\(batch.map(String.init).joined(separator: ",")))"
                    + " AND year IN (\(years.sorted().map(String.init).joined(separator: ",")))")
        }
    }

    /// Every inventory: a factor set changed.
    static func markAll(in db: any SQLDatabase) async throws {
        try await db.update("inventories").set("stale", to: SQLBind(1)).run()
    }
}

extension UnitLookup {
    /// The paths of the units given (those that exist).
    static func paths(of ids: Set<Int64>, in db: any SQLDatabase) async throws -> [String] {
        var paths: [String] = []
        for batch in Array(ids).chunked(by: 10_000) {
            paths += try await db.select().column("path").from("units").where("id", .in, SQLBind.group(Array(batch)))
                .all()
                .map { try $0.decode(column: "path", as: String.self) }
        }
        return paths
    }
}
