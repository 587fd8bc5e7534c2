import Foundation

/// The anchor of the store benchmark on PostgreSQL: `psql`'s `\copy` of the same rows into a twin
/// of `activity_records` — same columns, indexes, identity and foreign keys — in the same run, so
/// the bulk load is quoted as a share of what PostgreSQL's own client reaches.
struct PostgresCopyAnchor {
    let url: String
    let folder: String

    static let columns =
        "id, root_id, unit_id, year, month, item, category, quantity, uom, ncv, carbon_content, oxidation_rate, source, batch_id"

    /// Exports the stored records to a file, `\copy`s it into the twin (timed), drops the twin;
    /// the anchor's rows/s, or nil when `psql` is not installed.
    func run(rows: Int) throws -> Double? {
        guard let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: FileManager.default.isExecutableFile)
        else {
            print("anchor: psql not installed (apt-get install postgresql-client)")
            return nil
        }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/copy-anchor.txt"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try run(psql, #"\copy (SELECT \#(Self.columns) FROM activity_records ORDER BY id) TO '\#(file)'"#)
        try run(
            psql,
            """
            DROP TABLE IF EXISTS bench_copy_anchor;
            CREATE TABLE bench_copy_anchor (LIKE activity_records INCLUDING ALL);
            ALTER TABLE bench_copy_anchor ADD FOREIGN KEY (unit_id) REFERENCES units(id),
                ADD FOREIGN KEY (batch_id) REFERENCES record_batches(id);
            """)
        defer { try? run(psql, "DROP TABLE IF EXISTS bench_copy_anchor") }
        let start = DispatchTime.now().uptimeNanoseconds
        try run(psql, #"\copy bench_copy_anchor (\#(Self.columns)) FROM '\#(file)'"#)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let perSecond = Double(rows) / seconds
        print(
            String(
                format: "anchor: psql \\copy of the same rows into a twin table: %.2f s = %.0f rows/s", seconds,
                perSecond))
        return perSecond
    }

    private func run(_ psql: String, _ command: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: psql)
        process.arguments = ["--quiet", "--no-psqlrc", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", command]
        try process.run()
        process.waitUntilExit()
        if process.terminationStatus != 0 { throw BenchFailure("psql failed: \(command.prefix(60))") }
    }
}
