import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

/// `peakzero pathway history --region CODE`: a region's stored statistics by year — GDP,
/// population, energy, CO2 (energy × each carrier's factor of the year) and the two intensities —
/// and, with `--decompose`, why its CO2 moved between two years. `--unit CODE` does the same for a
/// unit from its stored inventories and economic records, its children as the sectors.
struct PathwayHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "A region's statistics or a unit's inventories by year, CO2 and intensities; --decompose explains the change.")

    @OptionGroup var storage: StorageOptions
    @Option(help: "Region code (GB/T 2260, six digits: 510000 for a province, 510100 for a city).") var region: String?
    @Option(help: "Unit code: its children's figures from the stored inventories.") var unit: String?
    @Option(
        help:
            "For --unit: by child (default), by area (the six areas, by each child's industry code) or by carrier (energy and CO2 of each carrier, and process CO2).")
    var by: String = "child"
    @Flag(help: "Decompose the change in CO2 between --from and --to (areas as sectors).") var decompose = false
    @Option(help: "Start year of the decomposition (default: the earliest).") var from: Int?
    @Option(help: "End year of the decomposition (default: the latest).") var to: Int?
    @OptionGroup var output: TableOrJSONOption
    @OptionGroup var language: LanguageOption

    func validate() throws {
        guard (region == nil) != (unit == nil) else { throw ValidationError("give exactly one of --region and --unit") }
        if let region, RegionPrefix(region) == nil || region.count != 6 {
            throw ValidationError("--region must be a six-digit GB/T 2260 code such as 510000")
        }
    }

    func run() async throws {
        let lang = try language.resolved()
        guard let region else { return try await unitHistory(unit!, language: lang) }
        let history = try await storage.withDatabase(logger: CLILogger.make()) { database in
            try await RegionalStatisticsStore(database).history(regionCode: region)
        }
        guard !history.years.isEmpty else {
            FileHandle.standardError.write(Data((lang.word(.historyEmpty, ["region": region]) + "\n").utf8))
            throw ExitCode(1)
        }
        let library = try FactorLibrary.standard()
        let factorsByYear: [Int: CarrierFactors]
        switch CarrierFactors.byYear(history.years.keys, from: library, province: String(region.prefix(2))) {
        case .success(let found): factorsByYear = found
        case .failure(let missing):
            let carrier = missing.carrier?.name(lang) ?? ""
            FileHandle.standardError.write(
                Data((lang.word(.historyNoFactor, ["carrier": carrier, "kind": missing.kind.name(in: lang)]) + "\n").utf8))
            throw ExitCode(1)
        }
        let report = RegionalHistoryReport(history: history, factors: factorsByYear, language: lang)
        if decompose {
            do throws(DecompositionProblems) {
                let data = try DecompositionData(rows: history.decompositionRows { factorsByYear[$0]! })
                let result = try Decomposition(data, from: from, to: to)
                let excluded = history.excludedChanges(from: result.from, to: result.to) { factorsByYear[$0]! }
                var decomposition = DecompositionReport(result: result, language: lang)
                decomposition.notes = excluded.sorted { $0.key < $1.key }.map { area, change in
                    lang.word(.historyExcluded, ["area": area.name(lang), "change": NumberText.grouped(change, decimals: 0)])
                }
                decomposition.extraJSON["excluded_areas"] = Dictionary(
                    uniqueKeysWithValues: excluded.map { ($0.key.rawValue, $0.value) })
                print(output.isJSON ? decomposition.json() : report.table() + "\n\n" + decomposition.table())
            } catch {
                FileHandle.standardError.write(Data((error.text(lang) + "\n").utf8))
                throw ExitCode(1)
            }
        } else {
            print(output.isJSON ? report.json() : report.table())
        }
    }
}

/// A region's history as a table or JSON.
struct RegionalHistoryReport {
    let history: RegionalHistory
    let factors: [Int: CarrierFactors]
    let language: Language

    struct Row {
        let year: Int, gdp: Double?, population: Double?, energy: Double, co2: Double
    }

    var rows: [Row] {
        history.years.keys.sorted().map { year in
            let figures = history.years[year]!
            let co2 = history.totalCO2(year, factors: factors[year]!)
            return Row(year: year, gdp: figures.gdp, population: figures.population, energy: figures.totalEnergy, co2: co2)
        }
    }

    func table() -> String {
        var table = TextTable(header: language.columns(.historyHeader))
        table.rightAligned = Set(1...6)
        for row in rows {
            table.rows.append([
                "\(row.year)", row.gdp.map { NumberText.grouped($0, decimals: 0) } ?? "",
                row.population.map { NumberText.grouped($0, decimals: 1) } ?? "", NumberText.grouped(row.energy, decimals: 0),
                NumberText.grouped(row.co2, decimals: 0),
                row.gdp.map { NumberText.grouped(row.energy / $0, decimals: 4) } ?? "",
                row.gdp.map { NumberText.grouped(row.co2 / $0, decimals: 4) } ?? "",
            ])
        }
        return language.word(.historyHeading, ["region": history.regionCode]) + "\n" + table.render()
    }

    func json() -> String {
        let years: [[String: Any]] = rows.map { row in
            var entry: [String: Any] = ["year": row.year, "energy_tce": row.energy, "co2_t": row.co2]
            entry["gdp"] = row.gdp
            entry["population"] = row.population
            entry["carrier_factors"] = factors[row.year].map { f in
                Dictionary(uniqueKeysWithValues: f.emission.map { ($0.key.rawValue, $0.value) })
            }
            entry["factor_ids"] = factors[row.year].map { f in
                Dictionary(uniqueKeysWithValues: f.basis.map { ($0.key.rawValue, $0.value) })
            }
            return entry
        }
        let data = try! JSONSerialization.data(
            withJSONObject: ["region": history.regionCode, "years": years],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}
