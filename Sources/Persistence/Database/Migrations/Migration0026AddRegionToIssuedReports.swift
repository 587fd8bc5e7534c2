/// A supervisor's report on a region belongs to the region, not to a unit: such a report is kept
/// with its region's code (and unit 0), and those who see the region see it.
enum Migration0026AddRegionToIssuedReports {
    static let migration = Migration(version: 26, name: "AddRegionToIssuedReports") { _ in
        [
            "ALTER TABLE issued_reports ADD COLUMN region_code TEXT",
            "CREATE INDEX issued_reports_by_region ON issued_reports (region_code)",
        ]
    }
}
