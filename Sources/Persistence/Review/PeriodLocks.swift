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

    struct Locked: Decodable, Sendable {
        let unitId: Int64
        let code: String
        let year: Int
        let firstMonth: Int
        let lastMonth: Int
        let status: String
    }

    /// The locked periods of the units listed after it (integers only, so the list is safe to inline).
    static func query(_ units: ArraySlice<Int64>) -> String {
        """
        SELECT r.unit_id, u.code, r.year, r.first_month, r.last_month, r.status FROM reporting_periods r \
        JOIN units u ON u.id = r.unit_id WHERE r.status IN ('submitted', 'approved') \
        AND r.unit_id IN (\(units.map(String.init).joined(separator: ",")))
        """
    }

    static func locked(units: some Collection<Int64>, in db: any SQLDatabase) async throws -> LockedPeriods {
        var locked: [Locked] = []
        for batch in Array(Set(units)).chunked(by: 10_000) {
            locked += try await db.raw(SQLQueryString(query(batch)))
                .all(decoding: Locked.self, keyDecodingStrategy: .convertFromSnakeCase)
        }
        return LockedPeriods(locked)
    }

    static func locked(units: some Collection<Int64>, in raw: SQLiteRaw) throws -> LockedPeriods {
        var locked: [Locked] = []
        for batch in Array(Set(units)).chunked(by: 10_000) {
            let statement = try raw.prepare(query(batch))
            while try statement.step() {
                locked.append(
                    Locked(
                        unitId: statement.int64(0), code: statement.text(1), year: Int(statement.int64(2)),
                        firstMonth: Int(statement.int64(3)), lastMonth: Int(statement.int64(4)),
                        status: statement.text(5)))
            }
        }
        return LockedPeriods(locked)
    }

    /// Throws when a record with one of the keys would fall in a locked period. The keys are only
    /// worked out when a unit among `units` has a locked period at all (a bulk load's million rows
    /// need not be gone through when nothing is locked).
    static func check(
        units: some Collection<Int64>, keys: () throws -> Set<Key>, in db: any SQLDatabase
    ) async throws {
        let locked = try await locked(units: units, in: db)
        if !locked.isEmpty { try locked.refuse(try keys()) }
    }

    static func check(units: some Collection<Int64>, keys: () throws -> Set<Key>, in raw: SQLiteRaw) throws {
        let locked = try locked(units: units, in: raw)
        if !locked.isEmpty { try locked.refuse(try keys()) }
    }
}

/// The locked periods of some units: what the write's check refuses, and what an import reads once
/// to name each row that falls in one.
public struct LockedPeriods: Sendable {
    let byUnit: [Int64: [PeriodLocks.Locked]]

    init(_ locked: [PeriodLocks.Locked]) { byUnit = Dictionary(grouping: locked, by: \.unitId) }

    var isEmpty: Bool { byUnit.isEmpty }

    /// The locked periods of these units now.
    public static func of(units: Set<Int64>, in database: PeakZeroDatabase) async throws -> LockedPeriods {
        try await PeriodLocks.locked(units: units, in: database.sql)
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

    /// Throws one problem per locked period the keys touch (not one per record).
    func refuse(_ keys: Set<PeriodLocks.Key>) throws {
        var touched: [String: InputIssue] = [:]
        for key in keys {
            guard let problem = problem(unitID: key.unitID, year: key.year, month: key.month),
                case .periodLocked(let unit, let period, _) = problem
            else { continue }
            touched["\(unit) \(period)"] = InputIssue(column: "period", problem: problem)
        }
        if !touched.isEmpty { throw StoreError.invalid(touched.keys.sorted().compactMap { touched[$0] }) }
    }
}
