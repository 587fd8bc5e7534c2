import Accounting
import Foundation
import Pathways

/// The demo province's pathways: its regional statistics for 2020–2023, a plan with a baseline, a
/// policy and an enhanced scenario, and two new-project reviews. Every figure is invented (虚构)
/// and every name says so. The same figures are the examples `Examples/regional-statistics-fictional.csv`
/// and `Examples/plan-fictional.json` (a test holds them equal).
enum DemoPathways {
    static let region = "510000"

    /// year, area, carrier, energy (tce, 当量值), value added and GDP (万元, constant prices), population (万人).
    static let statistics = """
        2020,industry,coal,60000000,,,
        2020,industry,electricity,30000000,,,
        2020,industry,gas,4000000,,,
        2020,industry,oil,3000000,,,
        2020,energy_supply,coal,20000000,,,
        2020,transport,oil,20000000,,,
        2020,transport,electricity,1000000,,,
        2020,buildings,electricity,12000000,,,
        2020,buildings,gas,3000000,,,
        2020,agriculture,oil,2000000,,,
        2020,agriculture,electricity,1000000,,,
        2020,households,electricity,8000000,,,
        2020,households,gas,5000000,,,
        2020,households,coal,1000000,,,
        2020,industry,,,180000000,,
        2020,energy_supply,,,15000000,,
        2020,transport,,,25000000,,
        2020,buildings,,,230000000,,
        2020,agriculture,,,55000000,,
        2020,,,,,485990000,8371
        2021,industry,coal,60000000,,,
        2021,industry,electricity,32400000,,,
        2021,industry,gas,4120000,,,
        2021,industry,oil,3090000,,,
        2021,energy_supply,coal,20200000,,,
        2021,transport,oil,21000000,,,
        2021,transport,electricity,1050000,,,
        2021,buildings,electricity,12480000,,,
        2021,buildings,gas,3120000,,,
        2021,agriculture,oil,2020000,,,
        2021,agriculture,electricity,1010000,,,
        2021,households,electricity,8240000,,,
        2021,households,gas,5150000,,,
        2021,households,coal,1030000,,,
        2021,industry,,,192000000,,
        2021,energy_supply,,,15600000,,
        2021,transport,,,27000000,,
        2021,buildings,,,250000000,,
        2021,agriculture,,,57000000,,
        2021,,,,,535920000,8372
        2022,industry,coal,58200000,,,
        2022,industry,electricity,34500000,,,
        2022,industry,gas,4200000,,,
        2022,industry,oil,3150000,,,
        2022,energy_supply,coal,20000000,,,
        2022,transport,oil,20600000,,,
        2022,transport,electricity,1030000,,,
        2022,buildings,electricity,12840000,,,
        2022,buildings,gas,3210000,,,
        2022,agriculture,oil,2040000,,,
        2022,agriculture,electricity,1020000,,,
        2022,households,electricity,8480000,,,
        2022,households,gas,5300000,,,
        2022,households,coal,1060000,,,
        2022,industry,,,198000000,,
        2022,energy_supply,,,16100000,,
        2022,transport,,,27500000,,
        2022,buildings,,,258000000,,
        2022,agriculture,,,59000000,,
        2022,,,,,566280000,8374
        2023,industry,coal,55800000,,,
        2023,industry,electricity,37500000,,,
        2023,industry,gas,4280000,,,
        2023,industry,oil,3210000,,,
        2023,energy_supply,coal,19600000,,,
        2023,transport,oil,22000000,,,
        2023,transport,electricity,1100000,,,
        2023,buildings,electricity,13320000,,,
        2023,buildings,gas,3330000,,,
        2023,agriculture,oil,2040000,,,
        2023,agriculture,electricity,1020000,,,
        2023,households,electricity,8640000,,,
        2023,households,gas,5400000,,,
        2023,households,coal,1080000,,,
        2023,industry,,,205000000,,
        2023,energy_supply,,,16800000,,
        2023,transport,,,30000000,,
        2023,buildings,,,280000000,,
        2023,agriculture,,,61000000,,
        2023,,,,,601330000,8368
        """

    static let plan = """
        {"region": "510000", "base_year": 2023, "plateau_tolerance": 0.01,
         "targets": [
          {"id": "能耗强度-2025", "indicator": "energy_intensity", "year": 2025, "value": 0.04},
          {"id": "碳排放强度-2030", "indicator": "carbon_intensity", "year": 2030, "value": 0.30},
          {"id": "能源消费总量-2030", "indicator": "energy_total", "year": 2030, "value": 215000000},
          {"id": "煤炭消费总量-2030", "indicator": "coal_total", "year": 2030, "value": 85000000},
          {"id": "碳达峰-2030", "indicator": "peak_by", "year": 2030}],
         "scenarios": [
          {"id": "baseline", "name": "基准情景（虚构）", "horizon": 2060,
           "gdp_growth": {"2024": 0.055, "2031": 0.045, "2041": 0.035, "2051": 0.025},
           "areas": {
             "industry": {"activity_elasticity": {"2024": 0.9}, "intensity_change": {"2024": -0.02}},
             "energy_supply": {"activity_elasticity": {"2024": 0.8}, "intensity_change": {"2024": -0.01}},
             "transport": {"intensity_change": {"2024": -0.01}},
             "buildings": {"intensity_change": {"2024": -0.01}},
             "agriculture": {"activity_growth": {"2024": 0.02}, "intensity_change": {"2024": -0.01}},
             "households": {"activity_growth": {"2024": 0.0}, "intensity_change": {"2024": 0.015}}},
           "emission_factors": {"electricity": {"2060": 0.8}}},
          {"id": "policy", "name": "政策情景（虚构）", "parent": "baseline",
           "areas": {
             "industry": {"intensity_change": {"2026": -0.035}, "mix": {"2040": {"coal": 0.3, "oil": 0.05, "gas": 0.12, "electricity": 0.53}}},
             "energy_supply": {"mix": {"2035": {"coal": 0.7, "gas": 0.3}}},
             "transport": {"intensity_change": {"2026": -0.02}, "mix": {"2040": {"oil": 0.7, "electricity": 0.3}}}},
           "levers": [{"id": "ccus", "name": "CCUS 示范（虚构）", "area": "industry", "start_year": 2030, "ramp_years": 5, "co2_avoided": 2000000}]},
          {"id": "enhanced", "name": "强化情景（虚构）", "parent": "policy",
           "areas": {"buildings": {"intensity_change": {"2026": -0.03}}, "households": {"intensity_change": {"2026": -0.005}}},
           "emission_factors": {"electricity": {"2035": 0.6, "2060": 0.1}},
           "levers": [{"id": "boilers", "name": "燃煤锅炉淘汰（虚构）", "area": "industry", "start_year": 2025, "ramp_years": 3, "energy_saved": {"coal": 3000000}}]}
         ]}
        """

    /// Two projects a planner might be asked to review on the enhanced scenario: one it can take,
    /// one it cannot.
    static let projects: [(scenario: String, project: ProposedProject)] = [
        (
            "enhanced",
            ProposedProject(
                name: "某数据中心（虚构）", area: .buildings, industry: "I6450", startYear: 2026,
                energy: ["electricity": 180_000], valueAdded: 600_000)
        ),
        (
            "enhanced",
            ProposedProject(
                name: "某电解铝扩建项目（虚构）", area: .industry, industry: "C3216", startYear: 2027,
                energy: ["coal": 2_000_000, "electricity": 6_000_000], valueAdded: 4_500_000)
        ),
    ]

    static func rows() -> [RegionalStatistic] {
        statistics.split(separator: "\n").map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            func number(_ index: Int) -> Double? { Double(cells[index]) }
            return RegionalStatistic(
                regionCode: region, year: Int(cells[0])!, area: PlanningArea(rawValue: cells[1]),
                carrier: RegionalCarrier(rawValue: cells[2]), energyTce: number(3), valueAdded: number(4), gdp: number(5),
                population: number(6))
        }
    }

    /// The demo group's own plan (率先达峰): its base year from its 2024 inventory, a baseline and a
    /// scenario that peaks first, against a peak-by-2028 target.
    static let groupCode = "DEMO-G1"
    static let groupPlan = """
        {"base_year": 2024, "plateau_tolerance": 0.01,
         "targets": [{"id": "率先达峰-2028", "indicator": "peak_by", "year": 2028}],
         "scenarios": [
          {"id": "baseline", "name": "基准情景（虚构）", "horizon": 2040,
           "gdp_growth": {"2025": 0.06, "2031": 0.045},
           "areas": {"industry": {"activity_elasticity": {"2025": 1.0}, "intensity_change": {"2025": -0.02}}}},
          {"id": "lead", "name": "率先达峰情景（虚构）", "parent": "baseline",
           "areas": {"industry": {"intensity_change": {"2025": -0.03, "2028": -0.07}}},
           "emission_factors": {"electricity": {"2040": 0.6}}}
         ]}
        """

    static let groupProject = ProposedProject(
        name: "某技改扩能项目（虚构）", area: .industry, industry: "C3011", startYear: 2026,
        energy: ["coal": 2_000, "electricity": 1_500], valueAdded: 8_000)

    /// Writes the statistics, saves the province's plan and reviews the two projects; saves the
    /// group's plan and reviews one project on its scenario that peaks first.
    static func load(in database: PeakZeroDatabase) async throws {
        try await RegionalStatisticsStore(database).write(rows(), provenance: RecordBatch(kind: "demo"))
        let plans = PathwayPlanStore(database)
        try await plans.save(try PlanFile.decode(Data(plan.utf8)), for: .region(region), revision: nil)
        for (scenario, project) in projects {
            _ = try await ProjectReviewStore(database).review(project, for: .region(region), scenario: scenario)
        }
        let group = PlanSubject.unit(try await UnitStore(database).unit(code: groupCode).id)
        try await plans.save(try PlanFile.decode(Data(groupPlan.utf8)), for: group, revision: nil)
        _ = try await ProjectReviewStore(database).review(groupProject, for: group, scenario: "lead")
    }
}
