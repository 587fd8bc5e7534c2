import Foundation

/// Waits, before a timed step on PostgreSQL, until the server's autovacuum has finished with the
/// rows just loaded: a bulk load of millions of rows sets it to work, on insert-only tables too
/// (0–9 s after the 2.4 M rows of `store` on 2026-12-05), and a recalculation timed beside it would
/// share the two cores with it. SQLite has no such background work to wait for.
struct PostgresQuiet {
    let url: String

    /// Seconds waited (at most `limit`), or nil when `psql` is not installed.
    func wait(limit: Double = 300) throws -> Double? {
        guard let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile)
        else { return nil }
        let start = Date()
        while Date().timeIntervalSince(start) < limit {
            let busy = try count(
                psql, "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'")
            if busy == 0 { break }
            Thread.sleep(forTimeInterval: 0.5)
        }
        return Date().timeIntervalSince(start)
    }

    private func count(_ psql: String, _ query: String) throws -> Int {
        let process = Process()
        let output = Pipe()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["--quiet", "--no-psqlrc", "-At", "-d", url, "-c", query]
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let value = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        else { throw BenchFailure("psql failed: \(query.prefix(60))") }
        return value
    }
}
