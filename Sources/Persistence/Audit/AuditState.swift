import Foundation
import SQLKit

/// The state of what changed, before or after, as the audit trail keeps it: field names with plain
/// values, stored as JSON with sorted keys. Never a secret: password hashes, session and token
/// hashes are left out by the stores that describe their rows.
public struct AuditState: Sendable, Equatable {
    public enum Value: Sendable, Equatable, Encodable {
        case null
        case int(Int64)
        case double(Double)
        case text(String)
        case list([Value])
        case object([String: Value])

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .int(let value): try container.encode(value)
            case .double(let value): try container.encode(value)
            case .text(let value): try container.encode(value)
            case .list(let values): try container.encode(values)
            case .object(let fields): try container.encode(fields)
            }
        }
    }

    public var fields: [String: Value]

    public init(_ fields: [String: Value]) { self.fields = fields }

    /// The JSON stored in the log.
    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(fields)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Every column of one row of `table`, or nil when there is no such row. For tables that hold
    /// no secrets (records, units); `leaving` names columns to leave out.
    static func row(
        of table: String, id: Int64, leaving: Set<String> = [], in db: any SQLDatabase
    ) async throws -> AuditState? {
        guard
            let row = try await db.select().column(SQLLiteral.all).from(table).where("id", .equal, SQLBind(id)).first()
        else { return nil }
        var fields: [String: Value] = [:]
        for column in row.allColumns where !leaving.contains(column) {
            fields[column] = Self.value(of: column, in: row)
        }
        return AuditState(fields)
    }

    /// Every row a query returns, each as its fields.
    static func rows(_ query: SQLSelectBuilder) async throws -> [Value] {
        try await query.all().map { row in
            .object(Dictionary(uniqueKeysWithValues: row.allColumns.map { ($0, value(of: $0, in: row)) }))
        }
    }

    /// A column's value whatever its type: each database reports its own, so each type is tried.
    private static func value(of column: String, in row: any SQLRow) -> Value {
        if (try? row.decodeNil(column: column)) == true { return .null }
        if let value = try? row.decode(column: column, as: Int64.self) { return .int(value) }
        if let value = try? row.decode(column: column, as: Double.self) { return .double(value) }
        if let value = try? row.decode(column: column, as: String.self) { return .text(value) }
        if let value = try? row.decode(column: column, as: Bool.self) { return .int(value ? 1 : 0) }
        return .null
    }
}

extension AuditState.Value {
    public init(_ value: String?) { self = value.map { .text($0) } ?? .null }
}

extension AuditState {
    /// An integer field, if the state has one.
    func int(_ name: String) -> Int64? {
        if case .int(let value) = fields[name] { return value }
        return nil
    }
}
