import SQLKit

extension PeakZeroDatabase {
    /// Runs `body` in a transaction that is kept only when `commit` approves its result, and rolled
    /// back otherwise; the result is returned either way. For checks that only the real writes can
    /// make (an import's rows checked against balances as the rows before them left them): a dry
    /// run makes the writes and undoes them.
    public func transaction<T: Sendable>(
        committingIf commit: @escaping @Sendable (T) -> Bool,
        _ body: @escaping @Sendable (any SQLDatabase) async throws -> T
    ) async throws -> T {
        do {
            return try await transaction { db in
                let result = try await body(db)
                guard commit(result) else { throw RolledBack(result: result) }
                return result
            }
        } catch let rolledBack as RolledBack {
            return rolledBack.result as! T
        }
    }
}

/// Carries a result out of a transaction that was rolled back on purpose.
private struct RolledBack: Error {
    let result: any Sendable
}
