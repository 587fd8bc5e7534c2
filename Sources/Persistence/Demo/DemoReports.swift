import Accounting

/// The demo's issued report: the supervisor's GHG inventory report of the latest demo year, issued
/// once everything else is loaded, so that the reports page has one to open.
enum DemoReports {
    static func load(in database: PeakZeroDatabase) async throws {
        let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
        guard let year = DemoProvince.years.max() else { return }
        let report = try await InventoryReportSource(database).report(unitID: supervisor.id, year: year, language: .zh)
        _ = try await IssuedReportStore(database).issue(report, unitID: supervisor.id)
    }
}
