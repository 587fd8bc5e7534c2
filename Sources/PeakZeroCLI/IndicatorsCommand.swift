import Accounting
import ArgumentParser
import Foundation
import PeakZeroServer
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
            let rollups = RollupStore(database)
            if let unit {
                let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: unit) }
                let consolidation = ConsolidationApproach(rawValue: approach)!
                let rollup = try await StoreErrorText.reporting {
                    try await rollups.rollup(.unit(id: found.id, approach: consolidation), year: year)
                }
                let children = try await UnitStore(database).children(of: found.id)
                guard format == "json" else {
                    let names = Dictionary(uniqueKeysWithValues: children.map { (String($0.id), $0.code) })
                    return print(IndicatorsText.table(rollup, method: method, names: names))
                }
                let document = try IndicatorsDocument.unit(
                    found, children: children, approach: consolidation, method: method, rollup: rollup)
                print(String(decoding: document, as: UTF8.self))
            } else {
                guard let prefix = RegionPrefix(region!) else {
                    throw ValidationError("--region is not a GB/T 2260 code")
                }
                let rollup = try await StoreErrorText.reporting {
                    try await rollups.rollup(.region(prefix), year: year)
                }
                guard format == "json" else { return print(IndicatorsText.table(rollup, method: method)) }
                print(
                    String(
                        decoding: try IndicatorsDocument.region(prefix, method: method, rollup: rollup), as: UTF8.self))
            }
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
}
