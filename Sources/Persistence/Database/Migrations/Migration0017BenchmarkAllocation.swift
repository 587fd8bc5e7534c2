/// Allocation from benchmarks: a rule record names the output its benchmark applies to (electricity
/// supplied, heat supplied, clinker …) and a covered unit's year keeps its outputs with their
/// correction factors.
enum Migration0017BenchmarkAllocation {
    static let migration = Migration(version: 17, name: "BenchmarkAllocation") { _ in
        [
            "ALTER TABLE market_rules ADD COLUMN output TEXT NOT NULL DEFAULT ''",
            "ALTER TABLE compliance_years ADD COLUMN outputs TEXT NOT NULL DEFAULT '[]'",
        ]
    }
}
