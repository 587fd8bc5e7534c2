import Accounting
import Assets

/// The demo's reduction projects, carbon assets and compliance (fictional, like the rest of the
/// demo): two biogas plants of the size enterprise groups report ("年节能量 1.7 万吨标准煤（等价值），
/// 减少二氧化碳排放 4.6 万吨": 1278 万Nm³ of natural gas replaced and 656 t of methane captured each),
/// the first linked to its group's carbon cap; a cement line's waste-heat power with a verified year
/// (carrying out a measure of its company's list), a motor retrofit interacting with a
/// lighting one, and a CCUS pilot; the cement line covered by the market in 2024 (its year approved,
/// its allocation equal to its verified emissions by a rule record the demo enters), its
/// allocations, a sale and a CCER purchase; the power plant's 2022 (`DemoPowerPlant`); and two
/// prices from the reference data.
enum DemoAssets {
    static let cementLine = "DEMO-G2-E3-F1"

    static func load(in database: PeakZeroDatabase) async throws {
        let library = try await FactorSetStore(database).library()
        let projects = ProjectStore(database)
        let units = UnitStore(database)
        // The first biogas plant is linked to its group's 2024 carbon cap (split from the supervisor's).
        let group = try await units.unit(code: "DEMO-G3")
        let cap = try await TargetStore(database).list(scope: .everything, subject: .unit(group.id)).first
        // The cement company's measure list carries the waste-heat project as one of its measures.
        let wasteHeat = try await MeasureStore(database).add(
            NewMeasure(
                unitId: try await units.unit(code: "DEMO-G2-E3").id, kind: "measure", title: "熟料线余热发电（虚构）",
                ownerPerson: "生产部 陈工", startDate: "2022-03-01", deadline: "2023-06-30", status: "done"))
        for (unit, var draft) in drafts {
            if draft.code == "BG-01" { draft.targetId = cap?.id }
            if draft.code == "WH-01" { draft.measureId = wasteHeat.id }
            try await projects.save(unitID: try await units.unit(code: unit).id, draft, library: library)
        }
        let heat = try requireDemo(
            try await projects.list(under: try await units.unit(code: cementLine).id).first { $0.code == "WH-01" })
        try await projects.verify(
            id: heat.id,
            NewVerification(
                year: 2024, option: "B", baseline: "2022 年外购电量（表计），按熟料产量修正（虚构）",
                adjustments: "检修停机 12 天按同期产量折算（虚构）",
                savings: [.init(item: "电力", quantity: 49_800, unit: "MWh")]), library: library)
        try await coverCementLine(in: database)
        try await DemoPowerPlant.cover(in: database)
        let prices = AssetPriceStore(database)
        // ETS-004: the national market's 2024 year-end close; ETS-009: the CCER market's 2025 average.
        try await prices.set(
            kind: "cea", day: "2024-12-31", price: 97.49,
            source: "《全国碳市场发展报告(2025)》2024 年末收盘价 (ETS-004)")
        try await prices.set(
            kind: "ccer", day: "2025-12-31", price: 70.76, source: "2025 年 CCER 成交均价 (ETS-009)，均价而非收盘价")
    }

    /// The cement line: its 2024 months submitted and approved, its inventory computed on approved
    /// data, the year covered under a rule record the demo enters, and its ledger.
    static func coverCementLine(in database: PeakZeroDatabase) async throws {
        let line = try await UnitStore(database).unit(code: cementLine)
        try await approveYear(2024, of: line, in: database)
        let inventory = try await InventoryStore(database).compute(unitID: line.id, year: 2024, options: CalculationOptions())
        try await MarketRuleStore(database).add(
            NewMarketRule(
                id: "DEMO-CEMENT-2024", market: "national", sectors: ["cement"], firstYear: 2024, lastYear: 2024,
                parameter: "allocation_equals_verified", value: "true", grade: "U",
                source: "演示数据录入（虚构）：据《2024、2025年度全国碳排放权交易市场钢铁、水泥、铝冶炼行业配额总量和分配方案》，2024 年度配额按经核查排放量确定；使用前请核对原文",
                notes: "Entered by the demo to show a user's rule record; not verified."))
        try await ComplianceStore(database).setYear(
            unitID: line.id, year: 2024, sector: "cement", allocation: nil, allocationSource: "")
        // Allowances in whole tonnes, as the registry keeps them.
        let verified = Int64(inventory.scope1T.rounded(.up))
        let ledger = AssetLedgerStore(database)
        for event in [
            NewAssetEvent(
                day: "2025-06-20", action: "allocate_pre", kind: "cea", vintage: 2024, quantity: verified * 9 / 10,
                counterparty: "生态环境主管部门（预分配，虚构）"),
            NewAssetEvent(
                day: "2025-10-10", action: "allocate_final", kind: "cea", vintage: 2024,
                quantity: verified - verified * 9 / 10, counterparty: "生态环境主管部门（核定，虚构）"),
            NewAssetEvent(
                day: "2025-07-15", action: "sell", kind: "cea", vintage: 2024, quantity: verified / 50, price: 62.0,
                counterparty: "某电力公司（虚构）"),
            NewAssetEvent(
                day: "2025-11-05", action: "buy", kind: "ccer", vintage: 2025, reference: "CCER-DEMO-0001",
                methodology: "CCER-14-001-V01", quantity: verified / 25, price: 70.0, counterparty: "某林业碳汇项目业主（虚构）"),
        ] {
            try await ledger.append(unitID: line.id, event)
        }
    }

    /// The unit's months of `year` submitted and approved, as a reporter and a reviewer would.
    static func approveYear(_ year: Int, of unit: ReportingUnit, in database: PeakZeroDatabase) async throws {
        let review = ReviewStore(database)
        for period in ReportingPeriod.all(in: year, for: unit.reportingClass) {
            try await AuditActor.$current.withValue(AuditActor(accountID: nil, name: "demo:reporter")) {
                _ = try await review.take(.submit, unitID: unit.id, period: period)
            }
            try await AuditActor.$current.withValue(AuditActor(accountID: nil, name: "demo:reviewer")) {
                _ = try await review.take(.approve, unitID: unit.id, period: period)
            }
        }
    }

    static let drafts: [(String, ProjectDraft)] = [
        (
            "DEMO-G3-E1-F1",
            ProjectDraft(
                code: "BG-01", name: "船山养殖场沼气提纯与甲烷回收（虚构）", type: "methane_capture", stage: "operating",
                firstYear: 2024, lifetimeYears: 15, capex: 9_800, yearlyOpex: 420, yearlyBenefit: 3_100,
                savings: [
                    .init(item: "天然气", quantity: 1_278, unit: "万Nm3"), .init(item: "甲烷", quantity: 656, unit: "t"),
                ])
        ),
        (
            "DEMO-G3-E1-F2",
            ProjectDraft(
                code: "BG-02", name: "安居养殖场沼气提纯与甲烷回收（虚构）", type: "methane_capture", stage: "building",
                firstYear: 2026, lifetimeYears: 15, capex: 10_200, yearlyOpex: 430, yearlyBenefit: 3_100,
                savings: [
                    .init(item: "天然气", quantity: 1_278, unit: "万Nm3"), .init(item: "甲烷", quantity: 656, unit: "t"),
                ])
        ),
        (
            cementLine,
            ProjectDraft(
                code: "WH-01", name: "熟料线纯低温余热发电（虚构）", type: "efficiency", stage: "operating", firstYear: 2023,
                lifetimeYears: 20, capex: 6_500, yearlyOpex: 300, yearlyBenefit: 2_340,
                savings: [.init(item: "电力", quantity: 52_000, unit: "MWh")])
        ),
        (
            cementLine,
            ProjectDraft(
                code: "CC-01", name: "窑尾烟气二氧化碳捕集试点（虚构）", type: "ccus", stage: "planned", firstYear: 2027,
                lifetimeYears: 15, capex: 12_000, yearlyOpex: 900, yearlyBenefit: 150,
                savings: [.init(item: "二氧化碳", quantity: 10_000, unit: "t"), .init(item: "电力", quantity: -4_000, unit: "MWh")])
        ),
        (
            "DEMO-G1-E4-F1",
            ProjectDraft(
                code: "MT-01", name: "空压机与风机变频改造（虚构）", type: "efficiency", stage: "approved", firstYear: 2026,
                lifetimeYears: 12, capex: 260, yearlyOpex: 5, yearlyBenefit: 100,
                savings: [.init(item: "电力", quantity: 1_800, unit: "MWh")])
        ),
        (
            "DEMO-G1-E4-F1",
            ProjectDraft(
                code: "MT-02", name: "车间照明与空压站联动控制（虚构）", type: "efficiency", stage: "planned", firstYear: 2026,
                lifetimeYears: 10, capex: 45, yearlyOpex: 0, yearlyBenefit: 16,
                savings: [.init(item: "电力", quantity: 300, unit: "MWh")], interactsWith: ["MT-01"])
        ),
    ]
}

/// The demo's own data is known to hold what it looks for; its absence is a broken demo.
func requireDemo<T>(_ value: T?) throws -> T {
    guard let value else { throw StoreError.conflict("the demo's data is incomplete") }
    return value
}
