import SQLKit

/// What an auditor narrows the log to: a unit's subtree, an account, a period, an action.
public struct AuditFilter: Sendable, Equatable {
    public var unitID: Int64?
    public var actor: String?
    public var year: Int?
    public var month: Int?
    public var action: AuditAction?
    /// Only entries older than this one (paging back through the log).
    public var beforeID: Int64?

    public init(
        unitID: Int64? = nil, actor: String? = nil, year: Int? = nil, month: Int? = nil, action: AuditAction? = nil,
        beforeID: Int64? = nil
    ) {
        self.unitID = unitID
        self.actor = actor
        self.year = year
        self.month = month
        self.action = action
        self.beforeID = beforeID
    }
}

extension AuditLog {
    /// Entries matching `filter` that `scope` may see, newest first. Outside an administrator's
    /// scope only entries about a unit are shown, and only for units within it: the changes to
    /// accounts, factor sets and sign-ins concern everyone and are the administrator's to see.
    public static func entries(
        _ filter: AuditFilter, scope: AccessScope, limit: Int, in database: PeakZeroDatabase
    ) async throws -> [AuditEntry] {
        try await matching(filter, scope: scope, in: database, database.sql.select().columns(AuditEntry.columns))
            .orderBy("id", .descending).limit(limit)
            .all(decoding: AuditEntry.self, keyDecodingStrategy: .convertFromSnakeCase)
    }

    /// How many entries match `filter` within `scope` (its `beforeID` ignored: the whole list's length).
    public static func count(_ filter: AuditFilter, scope: AccessScope, in database: PeakZeroDatabase) async throws
        -> Int
    {
        var whole = filter
        whole.beforeID = nil
        let select = database.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
        return try await matching(whole, scope: scope, in: database, select).first()?.decode(column: "n", as: Int.self)
            ?? 0
    }

    /// `select` from the log, narrowed to what `filter` asks and `scope` may see.
    private static func matching(
        _ filter: AuditFilter, scope: AccessScope, in database: PeakZeroDatabase, _ select: SQLSelectBuilder
    ) async throws -> SQLSelectBuilder {
        var query = select.from("audit_log")
        if !scope.isEverything {
            let units = SQLSubqueryBuilder()
            query = query.where("unit_id", .in, scope.restrict(units.column("id").from("units")).query)
        }
        if let unitID = filter.unitID {
            let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
            query = query.where(
                "unit_id", .in,
                SQLSubquery.select {
                    $0.column("id").from("units").where("root_id", .equal, SQLBind(anchor.rootID))
                        .where("path", .like, SQLBind(anchor.path + "%"))
                })
        }
        if let actor = filter.actor { query = query.where("actor", .equal, SQLBind(actor)) }
        if let year = filter.year { query = query.where("year", .equal, SQLBind(year)) }
        if let month = filter.month { query = query.where("month", .equal, SQLBind(month)) }
        if let action = filter.action { query = query.where("action", .equal, SQLBind(action.rawValue)) }
        if let beforeID = filter.beforeID { query = query.where("id", .lessThan, SQLBind(beforeID)) }
        return query
    }
}
