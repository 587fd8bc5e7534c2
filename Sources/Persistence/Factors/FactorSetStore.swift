import Accounting
import SQLKit

public struct StoredFactorSet: Sendable, Codable, Equatable {
    public let id: Int64
    public let name: String
    public let fingerprint: String
    public let entryCount: Int
    public let createdAt: String
}

/// User factor sets, stored as uploaded and checked by the same loader `peakzero calc --factors` uses.
public struct FactorSetStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// Checks and stores a set; every inventory becomes stale, since any may now pick other factors.
    /// - Parameter file: the uploaded file's name, which problems name; the set's name when not given.
    public func add(name: String, csv: String, file: String? = nil) async throws -> StoredFactorSet {
        let set: FactorSet
        do {
            set = try FactorSet(csv: csv, name: name, file: file ?? name)
        } catch {
            throw StoreError.invalid(error.issues)
        }
        return try await database.transaction { db in
            if try await db.select().column("id").from("factor_sets").where("name", .equal, SQLBind(name)).first()
                != nil
            {
                throw StoreError.conflict("a factor set named \(name) exists; choose another name")
            }
            let row = try await db.insert(into: "factor_sets")
                .columns("name", "fingerprint", "csv", "entry_count", "created_at")
                .values(
                    SQLBind(name), SQLBind(set.fingerprint), SQLBind(csv), SQLBind(set.entries.count),
                    SQLBind(Timestamp.now())
                )
                .returning("id", "name", "fingerprint", "entry_count", "created_at")
                .first(decoding: StoredFactorSet.self, keyDecodingStrategy: .convertFromSnakeCase)
            try await InventoryStaleness.markAll(in: db)
            try await AuditLog.append(
                AuditChange(
                    .factorSetAdded, subjectKind: "factor_set", subjectID: row!.id,
                    after: try await AuditState.row(of: "factor_sets", id: row!.id, in: db)), in: db)
            return row!
        }
    }

    public func list() async throws -> [StoredFactorSet] {
        try await database.sql.select().columns("id", "name", "fingerprint", "entry_count", "created_at")
            .from("factor_sets").orderBy("id")
            .all(decoding: StoredFactorSet.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    public func csv(id: Int64) async throws -> (name: String, csv: String) {
        guard
            let row = try await database.sql.select().columns("name", "csv").from("factor_sets")
                .where("id", .equal, SQLBind(id)).first()
        else { throw StoreError.notFound(kind: "factor set", id: String(id)) }
        return (try row.decode(column: "name", as: String.self), try row.decode(column: "csv", as: String.self))
    }

    public func delete(id: Int64) async throws {
        try await database.transaction { db in
            guard let before = try await AuditState.row(of: "factor_sets", id: id, in: db) else {
                throw StoreError.notFound(kind: "factor set", id: String(id))
            }
            try await db.delete(from: "factor_sets").where("id", .equal, SQLBind(id)).run()
            try await InventoryStaleness.markAll(in: db)
            try await AuditLog.append(
                AuditChange(.factorSetDeleted, subjectKind: "factor_set", subjectID: id, before: before), in: db)
        }
    }

    /// The bundled library plus every stored set, in the order they were added (later ones win).
    public func library() async throws -> FactorLibrary {
        var library = try FactorLibrary.standard()
        let rows = try await database.sql.select().columns("name", "csv").from("factor_sets").orderBy("id").all()
        for row in rows {
            let name = try row.decode(column: "name", as: String.self)
            library = library.adding(
                try FactorSet(csv: try row.decode(column: "csv", as: String.self), name: name, file: name))
        }
        return library
    }
}
