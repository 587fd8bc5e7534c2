import Accounting
import ArgumentParser
import Foundation
import Persistence

/// `peakzero indicators --unit CODE|--region CODE --year Y`: the four indicators from the stored inventories.
struct IndicatorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "indicators",
        abstract: "The four indicators of a unit (with its descendants) or a region for a year.")

    @OptionGroup var storage: StorageOptions
    @Option(help: "Unit code.") var unit: String?
    @Option(help: "Region code (GB/T 2260: 510000, 510100, 510104 or a prefix).") var region: String?
    @Option(help: "Year.") var year: Int
    @Option(help: "Consolidation for a unit: control or equity.") var approach: String = "control"
    @Option(help: "Scope-2 figure in co2e: location or market.") var scope2: String = "location"
    @Option(help: "table or json.") var format: String = "table"

    func validate() throws {
        guard (unit == nil) != (region == nil) else { throw ValidationError("give exactly one of --unit and --region") }
        guard ConsolidationApproach(rawValue: approach) != nil else {
            throw ValidationError("--approach must be control or equity")
        }
        guard Scope2Method(rawValue: scope2) != nil else {
            throw ValidationError("--scope2 must be location or market")
        }
        guard ["table", "json"].contains(format) else { throw ValidationError("--format must be table or json") }
    }

    func run() async throws {
        let method = Scope2Method(rawValue: scope2)!
        try await storage.withDatabase(logger: CLILogger.make()) { database in
            let subject: RollupSubject
            if let unit {
                let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: unit) }
                subject = .unit(id: found.id, approach: ConsolidationApproach(rawValue: approach)!)
            } else {
                guard let prefix = RegionPrefix(region!) else {
                    throw ValidationError("--region is not a GB/T 2260 code")
                }
                subject = .region(prefix)
            }
            let rollup = try await StoreErrorText.reporting {
                try await RollupStore(database).rollup(subject, year: year)
            }
            var names: [String: String] = [:]
            if case .unit(let id, _) = subject {
                for child in try await UnitStore(database).children(of: id) { names[String(child.id)] = child.code }
            }
            print(
                format == "json"
                    ? IndicatorsText.json(rollup, method: method)
                    : IndicatorsText.table(rollup, method: method, names: names))
        }
    }
}

/// The indicators as text.
enum IndicatorsText {
    static func row(_ name: String, _ f: IndicatorFigures, _ method: Scope2Method) -> [String] {
        [
            name, NumberText.grouped(f.energyCalorific.value(in: .tonneCoalEquivalent)),
            NumberText.grouped(f.emissions(method).value(in: .tonneCO2e)),
            f.energyIntensity(per: .outputValue).map { NumberText.grouped($0.value, decimals: 4) } ?? "",
            f.carbonIntensity(per: .outputValue, method: method).map { NumberText.grouped($0.value, decimals: 4) }
                ?? "",
        ]
    }

    static func table(_ rollup: Rollup, method: Scope2Method, names: [String: String] = [:]) -> String {
        var table = TextTable(header: ["", "energy tce (当量值)", "tCO2e", "tce/10^4 CNY output", "tCO2e/10^4 CNY output"])
        table.rightAligned = [1, 2, 3, 4]
        table.rows.append(row("\(rollup.year)", rollup.totals, method))
        if let last = rollup.previousYear { table.rows.append(row("\(rollup.year - 1)", last, method)) }
        for child in rollup.byChild {
            table.rows.append(row("  " + (names[child.key] ?? child.key), child.figures, method))
        }
        var text = table.render()
        if let last = rollup.previousYear,
            let change = yearOnYear(rollup.totals.emissions(method).baseValue, last.emissions(method).baseValue)
        {
            text += "\nCO2e year on year: \(NumberText.grouped(change * 100, decimals: 1)) %"
        }
        if !rollup.uncoveredRoots.isEmpty {
            text +=
                "\nNo inventory of \(rollup.year) for top-level units \(rollup.uncoveredRoots); they are not counted."
        }
        if rollup.inventories.contains(where: \.stale) {
            text += "\nSome inventories are stale: data changed since; recompute."
        }
        return text
    }

    static func json(_ rollup: Rollup, method: Scope2Method) -> String {
        func figures(_ f: IndicatorFigures) -> [String: Any] {
            var out: [String: Any] = [
                "energy_tce_calorific": f.energyCalorific.value(in: .tonneCoalEquivalent),
                "energy_tce_equivalent": f.energyEquivalent.value(in: .tonneCoalEquivalent),
                "co2e_t": f.emissions(method).value(in: .tonneCO2e),
            ]
            out["energy_intensity_tce_per_10k_cny_output"] = f.energyIntensity(per: .outputValue)?.value
            out["carbon_intensity_t_per_10k_cny_output"] = f.carbonIntensity(per: .outputValue, method: method)?.value
            return out
        }
        var object: [String: Any] = [
            "year": rollup.year, "totals": figures(rollup.totals),
            "by_child": rollup.byChild.map { ["key": $0.key].merging(figures($0.figures)) { a, _ in a } },
            "inventory_ids": rollup.inventories.map(\.id),
        ]
        object["previous_year"] = rollup.previousYear.map(figures)
        let data = try! JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }
}
