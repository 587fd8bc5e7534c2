import Accounting
import ArgumentParser
import Foundation
import Pathways
import Persistence

extension PathwayHistoryCommand {
    /// A unit's years from its stored inventories: each year's totals over its children, and with
    /// `--decompose` the LMDI of the change with the children as sectors.
    func unitHistory(_ code: String, language: Language) async throws {
        guard ["child", "area", "carrier"].contains(by) else {
            throw ValidationError("--by is child, area or carrier, not \(by)")
        }
        if by == "carrier" {
            guard !decompose else { throw ValidationError("--decompose takes --by child or area (carriers are not sectors)") }
            return try await unitCarriers(code, language: language)
        }
        let history = try await storage.withDatabase(logger: CLILogger.make()) { database in
            let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: code) }
            let store = UnitHistoryStore(database)
            let byChild = try await store.history(unit: found, years: 2000...2060)
            return by == "area" ? byChild.byArea(industries: try await store.childIndustries(of: found)) : byChild
        }
        guard !history.years.isEmpty else {
            FileHandle.standardError.write(Data((language.word(.historyNoInventories, ["unit": code]) + "\n").utf8))
            throw ExitCode(1)
        }
        guard decompose else { return print(output.isJSON ? Self.json(history) : Self.table(history, language)) }
        do throws(DecompositionProblems) {
            let result = try Decomposition(DecompositionData(rows: history.decompositionRows()), from: from, to: to)
            let excluded = history.excludedChanges(from: result.from, to: result.to)
            var report = DecompositionReport(result: result, language: language)
            report.notes = excluded.sorted { $0.key < $1.key }.map { name, change in
                language.word(.historyExcluded, ["area": name, "change": NumberText.grouped(change, decimals: 0)])
            }
            report.extraJSON["excluded_children"] = excluded
            print(output.isJSON ? report.json() : Self.table(history, language) + "\n\n" + report.table())
        } catch {
            FileHandle.standardError.write(Data((error.text(language) + "\n").utf8))
            throw ExitCode(1)
        }
    }

    static func totals(_ children: [UnitHistory.Child]) -> (energy: Double, co2: Double, valueAdded: Double?) {
        let added = children.compactMap(\.valueAdded)
        return (
            children.map(\.energy).reduce(0, +), children.map(\.co2).reduce(0, +),
            added.isEmpty ? nil : added.reduce(0, +)
        )
    }

    static func table(_ history: UnitHistory, _ language: Language) -> String {
        var table = TextTable(header: language.columns(.unitHistoryHeader))
        table.rightAligned = Set(1...5)
        for year in history.years.keys.sorted() {
            let t = totals(history.years[year]!)
            table.rows.append([
                "\(year)", t.valueAdded.map { NumberText.grouped($0, decimals: 1) } ?? "",
                NumberText.grouped(t.energy, decimals: 1), NumberText.grouped(t.co2, decimals: 1),
                t.valueAdded.map { NumberText.grouped(t.energy / $0, decimals: 4) } ?? "",
                t.valueAdded.map { NumberText.grouped(t.co2 / $0, decimals: 4) } ?? "",
            ])
        }
        return language.word(.unitHistoryHeading, ["unit": history.unitCode]) + "\n" + table.render()
    }

    static func json(_ history: UnitHistory) -> String {
        let years: [[String: Any]] = history.years.keys.sorted().map { year in
            let children = history.years[year]!
            let t = totals(children)
            var entry: [String: Any] = ["year": year, "energy_tce": t.energy, "co2_t": t.co2]
            entry["value_added"] = t.valueAdded
            entry["children"] = children.map { child -> [String: Any] in
                var item: [String: Any] = ["name": child.name, "energy_tce": child.energy, "co2_t": child.co2]
                item["value_added"] = child.valueAdded
                return item
            }
            return entry
        }
        let data = try! JSONSerialization.data(
            withJSONObject: ["unit": history.unitCode, "years": years],
            options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }

    /// Each year's energy and CO2 by carrier, and the CO2 of process emissions.
    func unitCarriers(_ code: String, language: Language) async throws {
        let years = try await storage.withDatabase(logger: CLILogger.make()) { database in
            let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: code) }
            return UnitHistoryStore.carriers(try await UnitHistoryStore(database).rollups(unit: found, years: 2000...2060))
        }
        guard !years.isEmpty else {
            FileHandle.standardError.write(Data((language.word(.historyNoInventories, ["unit": code]) + "\n").utf8))
            throw ExitCode(1)
        }
        if output.isJSON {
            let entries: [[String: Any]] = years.keys.sorted().map { year in
                let figures = years[year]!
                let carriers = Dictionary(
                    uniqueKeysWithValues: figures.carriers.map {
                        ($0.key.rawValue, ["energy_tce": $0.value.energy, "co2_t": $0.value.co2])
                    })
                return ["year": year, "by_carrier": carriers, "process_co2_t": figures.process]
            }
            let data = try JSONSerialization.data(
                withJSONObject: ["unit": code, "years": entries], options: [.prettyPrinted, .sortedKeys])
            return print(String(decoding: data, as: UTF8.self))
        }
        var table = TextTable(header: language.columns(.unitCarrierHeader))
        table.rightAligned = [0, 2, 3]
        for year in years.keys.sorted() {
            let figures = years[year]!
            for carrier in figures.carriers.keys.sorted() {
                let sum = figures.carriers[carrier]!
                table.rows.append([
                    "\(year)", carrier.name(language), NumberText.grouped(sum.energy, decimals: 1),
                    NumberText.grouped(sum.co2, decimals: 1),
                ])
            }
            table.rows.append(["\(year)", language.word(.unitCarrierProcess), "", NumberText.grouped(figures.process, decimals: 1)])
        }
        print(language.word(.unitHistoryHeading, ["unit": code]) + "\n" + table.render())
    }
}
