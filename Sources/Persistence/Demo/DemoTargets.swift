import Accounting
import Governance

/// The demo's targets and measures (fictional, like the rest of the demo): the province's carbon
/// intensity to fall 8 % from 2022 over 2023–2025, split among its cities by equal reduction; the
/// supervisor's carbon cap for 2024 split among its groups by equal reduction, the first group's
/// share split among its enterprises by base-year share; and a few measures of the first enterprises, one of them overdue.
enum DemoTargets {
    static func load(in database: PeakZeroDatabase) async throws {
        let store = TargetStore(database)
        let board = GovernanceBoard(database, currentYear: DemoProvince.years.last!)
        let province = try await store.create(
            name: "四川省碳排放强度下降（虚构演示）", subject: .region(RegionPrefix("51")!),
            target: Target(
                indicator: .carbonIntensity, kind: .reduction(fraction: 0.08, baseYear: 2022), firstYear: 2023,
                lastYear: 2025))
        _ = try await board.split(province.id, method: .equalReduction)
        let supervisor = try await UnitStore(database).unit(code: DemoProvince.supervisorCode)
        let total = try await GovernanceFigures(database).years(
            of: .unit(id: supervisor.id, approach: .control), 2023...2023)[2023]
        if let emissions = total?.year.figures.emissions(.location).value(in: .tonneCO2e) {
            // 2 % below 2023's emissions.
            let cap = try await store.create(
                name: "国资委监管企业碳排放总量（虚构演示）", subject: .unit(supervisor.id),
                target: Target(
                    indicator: .carbonTotal, kind: .cap(IndicatorAmount(emissions * 0.98, of: .carbonTotal)),
                    firstYear: 2024, expectation: .seasonal))
            let groups = try await board.split(cap.id, method: .equalReduction)
            // The first group passes its share on to its enterprises.
            if let first = groups.first { _ = try await board.split(first.id, method: .baseShare) }
        }
        let enterprises = try await UnitStore(database).list(scope: .everything).filter { $0.level == .enterprise }.prefix(3)
        let measures = MeasureStore(database)
        for (index, enterprise) in enterprises.enumerated() {
            try await measures.add(
                NewMeasure(
                    unitId: enterprise.id, kind: "measure", title: "余热回收改造（虚构）", ownerPerson: "设备部 王工",
                    startDate: "2024-03-01", deadline: index == 0 ? "2024-09-30" : "2027-06-30",
                    status: index == 0 ? "in_progress" : "planned"))
            try await measures.add(
                NewMeasure(
                    unitId: enterprise.id, kind: "training", title: "碳排放数据质量培训（虚构）", ownerPerson: "安环部 李工",
                    startDate: "2024-05-10", deadline: "2024-05-11", status: "done", participants: 30 + index * 5))
        }
    }
}
