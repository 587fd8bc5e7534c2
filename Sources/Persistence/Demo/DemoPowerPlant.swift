import Accounting
import Assets

/// The demo's power plant (fictional): 天府热电's coal-fired CHP, covered by the national market for
/// 2022 under the bundled rules of the 2021–2022 power plan (CCER at most 5 %, surrender by
/// 2023-12-31, borrowing of 2023 allowances for a shortfall of 10 % or more, purchased electricity
/// counted). Its allocation is computed by the benchmark method from its power and heat supplied,
/// against two benchmark records the demo enters as its own (fictional values, grade U — PeakZero
/// ships no benchmark values it could not source). Short by about an eighth, it borrows part of the
/// shortfall, buys CCER up to the limit and allowances for the rest, and surrenders in full.
enum DemoPowerPlant {
    static let code = "DEMO-G3-E6-F1"
    static let year = 2022
    /// Power and heat supplied per tonne of coal burned: about 21 % and 30 % of its heat (19.57 GJ/t).
    static let megawattHoursPerTonne = 1.10
    static let gigajoulesPerTonne = 5.8

    static func cover(in database: PeakZeroDatabase) async throws {
        let plant = try await UnitStore(database).unit(code: code)
        try await DemoAssets.approveYear(year, of: plant, in: database)
        _ = try await InventoryStore(database).compute(unitID: plant.id, year: year, options: CalculationOptions())
        let rules = MarketRuleStore(database)
        for (id, output, value) in [
            ("DEMO-POWER-2022-E", "electricity_supplied", "0.82"), ("DEMO-POWER-2022-H", "heat_supplied", "0.11"),
        ] {
            try await rules.add(
                NewMarketRule(
                    id: id, sectors: ["power"], firstYear: year, lastYear: year, parameter: "benchmark", value: value,
                    grade: "U", source: "演示数据（虚构）：仅为示范基准法的计算而录入，并非任何配额分配方案的基准值",
                    notes: "Entered by the demo; fictional.", output: output))
        }
        let coal = DemoProvince().activity.filter {
            $0.unitCode == code && $0.item == "烟煤" && $0.period.hasPrefix(String(year))
        }.map(\.quantity).reduce(0, +)
        let outputs = [
            AllocationOutput(output: "electricity_supplied", quantity: (coal * megawattHoursPerTonne).rounded()),
            AllocationOutput(output: "heat_supplied", quantity: (coal * gigajoulesPerTonne).rounded()),
        ]
        let compliance = ComplianceStore(database)
        try await compliance.setYear(
            unitID: plant.id, year: year, sector: "power", allocation: nil, allocationSource: "", outputs: outputs)
        // The board's own figures (before any entry): the allocation from the benchmarks, the verified
        // tonnes with the scope the power rules count (ETS-R007).
        let position = try requireDemo(
            try await compliance.board(under: plant.id, year: year, today: requireDemo(CalendarDay(parsing: "2023-03-31")))
                .first?.position)
        let allocation = try requireDemo(position.allocation)
        let verified = position.verified
        let shortfall = verified - allocation
        let borrowed = shortfall * 2 / 5
        let credits = verified * 4 / 100
        let bought = shortfall - borrowed - credits
        let ledger = AssetLedgerStore(database)
        for event in [
            NewAssetEvent(
                day: "2023-04-20", action: "allocate_pre", kind: "cea", vintage: year, quantity: allocation * 7 / 10,
                counterparty: "生态环境主管部门（预分配，虚构）"),
            NewAssetEvent(
                day: "2023-09-15", action: "allocate_final", kind: "cea", vintage: year,
                quantity: allocation - allocation * 7 / 10, counterparty: "生态环境主管部门（核定，虚构）"),
            NewAssetEvent(
                day: "2023-10-09", action: "borrow", kind: "cea", vintage: 2023, quantity: borrowed,
                counterparty: "生态环境主管部门（预支 2023 年度配额，虚构）"),
            NewAssetEvent(
                day: "2023-10-25", action: "buy", kind: "ccer", vintage: 2016, reference: "CCER-DEMO-0002",
                methodology: "CMS-002-V01", quantity: credits, price: 58.0, counterparty: "某光伏项目业主（虚构）"),
            NewAssetEvent(
                day: "2023-11-08", action: "buy", kind: "cea", vintage: year, quantity: bought, price: 68.5,
                counterparty: "某发电企业（虚构）"),
        ] {
            try await ledger.append(unitID: plant.id, event)
        }
        for (kind, vintage, quantity, reference, methodology) in [
            ("cea", year, allocation + bought, nil, nil), ("cea", 2023, borrowed, nil, nil),
            ("ccer", 2016, credits, "CCER-DEMO-0002", "CMS-002-V01"),
        ] as [(String, Int, Int64, String?, String?)] {
            try await ledger.append(
                unitID: plant.id,
                NewAssetEvent(
                    day: "2023-12-12", action: "surrender", kind: kind, vintage: vintage, reference: reference,
                    methodology: methodology, quantity: quantity, complianceYear: year))
        }
    }
}
