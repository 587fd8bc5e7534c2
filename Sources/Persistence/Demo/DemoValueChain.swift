import Accounting

/// The demo cement company's Scope 3 for the latest demo year (fictional, like the rest of the
/// demo): purchased clinker and business travel as its suppliers reported them, four categories
/// excluded with their reasons, the rest not assessed — so that its climate section shows Scope 3
/// beside Scope 1 and 2. Suppliers' figures need no factor set, and adding one would make every
/// demo inventory stale.
enum DemoValueChain {
    static func load(in database: PeakZeroDatabase) async throws {
        guard let year = DemoProvince.years.max() else { return }
        let company = try await UnitStore(database).unit(code: DemoProvince.climateReporterCode)
        func supplier(_ category: Scope3Category, _ tonnes: Double, _ description: String, _ tier: DataQualityTier)
            -> Scope3Activity
        {
            var row = Scope3Activity(category: category)
            row.method = .supplierSpecific
            row.supplierTonnes = tonnes
            row.description = description
            row.tier = tier
            return row
        }
        func excluded(_ category: Scope3Category, _ reason: String) -> Scope3Activity {
            var row = Scope3Activity(category: category)
            row.excludedReason = reason
            return row
        }
        let rows = [
            supplier(.purchasedGoodsAndServices, 12_400, "外购熟料，供应商按产品提供的排放量（虚构）", .good),
            supplier(.businessTravel, 85, "差旅服务商提供的航班与铁路排放（虚构）", .fair),
            excluded(.upstreamLeasedAssets, "无上游租赁资产（虚构）"),
            excluded(.downstreamLeasedAssets, "无下游租赁资产（虚构）"),
            excluded(.franchises, "无特许经营（虚构）"),
            excluded(.investments, "无股权投资以外的投资，股权投资已按控制权纳入范围一、二（虚构）"),
        ]
        let records = try rows.map { row in
            NewScope3Record(unitID: company.id, year: year, activity: row, line: try Scope3Calculation.line(row, factor: nil).get())
        }
        try await Scope3Store(database).write(records, provenance: RecordBatch(kind: "demo"), superseding: [])
    }
}
