/// Regional statistics (区域统计数据) for the pathways: what enterprises do not report — a region's
/// energy by area and carrier, value added by area, GDP and population — by region and year. A row
/// holds one of three shapes; `area` and `carrier` are '' where the shape has none, so the unique
/// key treats them as values (NULLs would never collide).
enum Migration0013CreateRegionalStatistics {
    static let migration = Migration(version: 13, name: "CreateRegionalStatistics") { d in
        [
            """
            CREATE TABLE regional_statistics (
                id \(d.neverReusedPrimaryKey),
                region_code TEXT NOT NULL,
                year INTEGER NOT NULL,
                area TEXT NOT NULL,
                carrier TEXT NOT NULL,
                energy_tce \(d.double),
                value_added \(d.double),
                gdp \(d.double),
                population \(d.double),
                batch_id \(d.bigint),
                created_at TEXT NOT NULL
            )
            """,
            "CREATE UNIQUE INDEX regional_statistics_key ON regional_statistics (region_code, year, area, carrier)",
        ]
    }
}
