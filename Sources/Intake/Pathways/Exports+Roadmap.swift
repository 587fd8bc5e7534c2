import Accounting
import Pathways
import Spreadsheet

extension Exports {
    /// A roadmap as tables: each scenario and its peak, every year of every scenario (by area too),
    /// the standing against every target, and each scenario's effects against the baseline.
    public static func roadmap(_ roadmap: Roadmap, language: Language) -> [ExportTable] {
        func say(_ zh: String, _ en: String) -> String { language == .zh ? zh : en }
        let areas = PlanningArea.allCases
        let scenarios = roadmap.scenarios.map { scenario -> [CellValue] in
            [
                .text(scenario.id), .text(scenario.name), .text(scenario.parent ?? ""), .number(Double(scenario.horizon)),
                .text(scenario.peak?.status ?? ""), scenario.peak?.year.map { .number(Double($0)) } ?? .empty,
                scenario.peak?.valueT.map(CellValue.number) ?? .empty,
                scenario.peak?.plateauFrom.map { .number(Double($0)) } ?? .empty,
            ]
        }
        let years = roadmap.scenarios.flatMap { scenario in
            scenario.years.map { year -> [CellValue] in
                [.text(scenario.id), .number(Double(year.year))]
                    + [
                        year.gdp, year.energyTce, year.energyEquivalentTce, year.coalTce, year.co2T, year.energyIntensity,
                        year.carbonIntensity,
                    ].map(CellValue.number)
                    + areas.map { area in year.co2ByArea[area.rawValue].map(CellValue.number) ?? .empty }
            }
        }
        let targets = roadmap.scenarios.flatMap { scenario in
            scenario.targets.map { target -> [CellValue] in
                [
                    .text(scenario.id), .text(target.id), .text(target.indicator.name(language)),
                    .number(Double(target.year)), .number(target.limit), target.value.map(CellValue.number) ?? .empty,
                    .text(target.met ? say("达成", "met") : say("未达成", "missed")),
                    target.room.map(CellValue.number) ?? .empty,
                ]
            }
        }
        let comparisons = roadmap.scenarios.compactMap { scenario -> [CellValue]? in
            guard let against = scenario.againstBaseline else { return nil }
            return [.text(scenario.id), .text(against.baseline), .number(Double(against.year))]
                + DecompositionFactor.allCases.map { .number(against.effects[$0.rawValue] ?? 0) }
                + [.number(against.captureChange), .number(against.totalChange)]
        }
        return [
            ExportTable(
                title: say("情景", "Scenarios"),
                header: [
                    say("情景", "scenario"), say("名称", "name"), say("上级情景", "parent"), say("规划期末", "horizon"),
                    say("达峰状态", "peak status"), say("峰值年", "peak year"), say("峰值（吨 CO2）", "peak (t CO2)"),
                    say("平台期起始年", "plateau from"),
                ], rows: scenarios),
            ExportTable(
                title: say("逐年结果", "Years"),
                header: [
                    say("情景", "scenario"), say("年份", "year"), say("地区生产总值（万元）", "GDP (万元)"),
                    say("能源消费量（吨标准煤，当量值）", "energy (tce, calorific)"),
                    say("能源消费量（吨标准煤，等价值）", "energy (tce, equivalent)"), say("煤炭消费量（吨标准煤）", "coal (tce)"),
                    say("二氧化碳（吨）", "CO2 (t)"), say("能耗强度（吨标准煤/万元）", "energy intensity (tce/万元)"),
                    say("碳排放强度（吨/万元）", "carbon intensity (t/万元)"),
                ] + areas.map { say("\($0.name(language))二氧化碳（吨）", "\($0.name(language)) CO2 (t)") },
                rows: years),
            ExportTable(
                title: say("目标差距", "Targets"),
                header: [
                    say("情景", "scenario"), say("目标", "target"), say("指标", "indicator"), say("年份", "year"),
                    say("限值", "limit"), say("情景值", "value"), say("是否达成", "met"), say("余量", "room"),
                ], rows: targets),
            ExportTable(
                title: say("与基准情景比较", "Against baseline"),
                header: [say("情景", "scenario"), say("基准情景", "baseline"), say("年份", "year")]
                    + DecompositionFactor.allCases.map { DecompositionFactor.names.text($0.name, language) + say("（吨）", " (t)") }
                    + [say("捕集利用与封存（吨）", "capture (t)"), say("合计（吨）", "total (t)")],
                rows: comparisons),
        ]
    }
}
