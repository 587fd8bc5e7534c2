import Accounting

/// The demo's issued reports, one of each kind for the latest demo year — the supervisor's GHG
/// inventory report and its supervisor's report, an enterprise's climate section — issued once
/// everything else is loaded, so that the reports pages have them to open.
enum DemoReports {
    static func load(in database: PeakZeroDatabase) async throws {
        let units = UnitStore(database)
        let supervisor = try await units.unit(code: DemoProvince.supervisorCode)
        guard let year = DemoProvince.years.max() else { return }
        let store = IssuedReportStore(database)
        let inventory = try await InventoryReportSource(database).report(unitID: supervisor.id, year: year, language: .zh)
        _ = try await store.issue(.inventory(inventory), unitID: supervisor.id)
        let supervision = try await SupervisorReportSource(database).report(
            unitID: supervisor.id, year: year, asOf: "\(year + 1)-03-31", scope: .everything, language: .zh)
        _ = try await store.issue(.supervisor(supervision), unitID: supervisor.id)
        let enterprise = try await units.unit(code: DemoProvince.climateReporterCode)
        _ = try await ReportNarrativeStore(database).save(DemoProvince.climateNarrative, unitID: enterprise.id, year: year)
        let climate = try await ClimateDisclosureSource(database).report(
            unitID: enterprise.id, year: year, scope: .everything, language: .zh)
        _ = try await store.issue(.climate(climate), unitID: enterprise.id)
    }
}
