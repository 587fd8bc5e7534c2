import Accounting
import SQLKit

/// Refuses a write that would change data of a submitted or approved period. Checked inside the
/// write's own transaction, so a period cannot be submitted between the check and the write.
enum PeriodLocks {
    /// The unit and month a record belongs to (`month` nil: a whole-year record).
    struct Key: Hashable, Sendable {
        let unitID: Int64
        let year: Int
        let month: Int?
    }

    struct Locked: Decodable {
        let unitId: Int64
        let code: String
        let year: Int
        let firstMonth: Int
        let lastMonth: Int
        let status: String
    }

    static let query = """
        SELECT r.unit_id, u.code, r.year, r.first_month, r.last_month, r.status FROM reporting_periods r \
        JOIN units u ON u.id = r.unit_id WHERE r.status IN ('submitted', 'approved') AND r.unit_id IN
        """

    /// Throws when a record with one of the keys would fall in a locked period. The keys are only
    /// worked out when a unit among `units` has a locked period at all (a bulk load's million rows
    /// need not be gone through when nothing is locked).
    static func check(
        units: some Collection<Int64>, keys: () throws -> Set<Key>, in db: any SQLDatabase
    ) async throws {
        var locked: [Locked] = []
        // Integers only, so the lists are safe to inline.
        for batch in Array(Set(units)).chunked(by: 10_000) {
            locked += try await db.raw(SQLQueryString(query + " (\(batch.map(String.init).joined(separator: ",")))"))
                .all(decoding: Locked.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        if !locked.isEmpty { try refuse(try keys(), locked) }
    }

    static func check(units: some Collection<Int64>, keys: () throws -> Set<Key>, in raw: SQLiteRaw) throws {
        var locked: [Locked] = []
        for batch in Array(Set(units)).chunked(by: 10_000) {
            let statement = try raw.prepare(query + " (\(batch.map(String.init).joined(separator: ",")))")
            while try statement.step() {
                locked.append(
                    Locked(
                        unitId: statement.int64(0), code: statement.text(1), year: Int(statement.int64(2)),
                        firstMonth: Int(statement.int64(3)), lastMonth: Int(statement.int64(4)),
                        status: statement.text(5)))
            }
        }
        if !locked.isEmpty { try refuse(try keys(), locked) }
    }

    /// One problem per locked period the keys touch.
    private static func refuse(_ keys: Set<Key>, _ locked: [Locked]) throws {
        guard !locked.isEmpty else { return }
        let byUnit = Dictionary(grouping: locked, by: \.unitId)
        var touched: [String: InputIssue] = [:]
        for key in keys {
            for period in byUnit[key.unitID] ?? []
            where period.year == key.year && (period.firstMonth...period.lastMonth).contains(key.month ?? 12) {
                let name =
                    ReportingPeriod(year: period.year, firstMonth: period.firstMonth, lastMonth: period.lastMonth)
                    .map(String.init(describing:)) ?? String(period.year)
                touched["\(period.code) \(name)"] = InputIssue(
                    column: "period",
                    problem: .periodLocked(unit: period.code, period: name, approved: period.status == "approved"))
            }
        }
        if !touched.isEmpty { throw StoreError.invalid(touched.keys.sorted().compactMap { touched[$0] }) }
    }
}

/// The locked periods of some units, read once, for an import to name each row that falls in one
/// (the write's own check then only confirms it).
public struct LockedPeriods: Sendable {
    let byUnit: [Int64: [PeriodLocks.Locked]]

    /// The locked periods of these units now.
    public static func of(units: Set<Int64>, in database: PeakZeroDatabase) async throws -> LockedPeriods {
        var locked: [PeriodLocks.Locked] = []
        for batch in Array(units).chunked(by: 10_000) where !batch.isEmpty {
            locked += try await database.sql.raw(
                SQLQueryString(PeriodLocks.query + " (\(batch.map(String.init).joined(separator: ",")))")
            ).all(decoding: PeriodLocks.Locked.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return LockedPeriods(byUnit: Dictionary(grouping: locked, by: \.unitId))
    }

    /// What is wrong with writing a record of this unit and month, if its period is locked.
    public func problem(unitID: Int64, year: Int, month: Int?) -> Problem? {
        guard
            let period = byUnit[unitID]?.first(where: {
                $0.year == year && ($0.firstMonth...$0.lastMonth).contains(month ?? 12)
            })
        else { return nil }
        let name =
            ReportingPeriod(year: period.year, firstMonth: period.firstMonth, lastMonth: period.lastMonth)
            .map(String.init(describing:)) ?? String(period.year)
        return .periodLocked(unit: period.code, period: name, approved: period.status == "approved")
    }
}
