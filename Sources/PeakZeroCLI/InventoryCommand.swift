import Accounting
import ArgumentParser
import Foundation
import Persistence

/// `peakzero inventory compute|show`: stored inventories.
struct InventoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "Compute and show stored inventories.",
        subcommands: [Compute.self, Show.self])

    struct Compute: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compute the inventory of a unit's subtree for a year and store it as a new version.")

        @OptionGroup var storage: StorageOptions
        @Option(help: "Unit code.") var unit: String
        @Option(help: "Year.") var year: Int
        @Option(help: "GWP set: SAR, AR4, AR5 or AR6.") var gwp: String = "AR5"
        @Option(help: "Scope-2 figure in the total: location or market.") var scope2: String = "location"

        func run() async throws {
            guard let gwpSet = GWPSet(parsing: gwp) else { throw ValidationError("--gwp must be SAR, AR4, AR5 or AR6") }
            guard let method = Scope2Method(rawValue: scope2) else {
                throw ValidationError("--scope2 must be location or market")
            }
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let unit = try await UnitStore(database).unit(code: self.unit)
                let inventory = try await StoreErrorText.reporting {
                    try await InventoryStore(database).compute(
                        unitID: unit.id, year: year, options: CalculationOptions(gwp: gwpSet, scope2: method))
                }
                print(InventoryCommand.summary(inventory, unit: unit))
            }
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a stored inventory's totals (and lines with --lines).")

        @OptionGroup var storage: StorageOptions
        @Argument(help: "Inventory id.") var id: Int64
        @Flag(help: "Also print every line with its factor ids.") var lines = false

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let store = InventoryStore(database)
                let inventory = try await StoreErrorText.reporting { try await store.inventory(id: id) }
                let unit = try await UnitStore(database).unit(id: inventory.unitId)
                print(InventoryCommand.summary(inventory, unit: unit))
                guard lines else { return }
                var table = TextTable(header: [
                    "record", "unit", "month", "item", "scope", "tCO2e loc", "tCO2e mkt", "tce", "factors",
                ])
                table.rightAligned = [0, 1, 2, 5, 6, 7]
                for line in try await store.lines(inventoryID: id) {
                    table.rows.append([
                        String(line.recordId), String(line.unitId), line.month.map(String.init) ?? "", line.item,
                        line.scope,
                        NumberText.grouped(line.co2eLocationT), NumberText.grouped(line.co2eMarketT),
                        NumberText.grouped(line.tceCalorific),
                        line.factors.map { $0.id ?? "measured" }.joined(separator: " "),
                    ])
                }
                print(table.render())
            }
        }
    }

    static func summary(_ i: StoredInventory, unit: ReportingUnit) -> String {
        """
        Inventory #\(i.id) v\(i.version) — \(unit.code) \(unit.name), \(i.year)\(i.stale ? "  [STALE: data changed since; recompute]" : "")
        options: GWP \(i.gwp), scope 2 \(i.scope2), fuel parameters \(i.fuelParameters); \(i.recordCount) records; computed \(i.computedAt)
        factor library: \(i.factorLibrary)
        co2e            \(NumberText.grouped(i.co2eT)) tCO2e
        scope 1         \(NumberText.grouped(i.scope1T)) tCO2e
        scope 2 loc.    \(NumberText.grouped(i.scope2LocationT)) tCO2e
        scope 2 mkt.    \(NumberText.grouped(i.scope2MarketT)) tCO2e
        energy 当量值    \(NumberText.grouped(i.tceCalorific)) tce
        energy 等价值    \(NumberText.grouped(i.tceEquivalent)) tce
        """
    }
}

/// Store errors as command-line messages.
enum StoreErrorText {
    static func reporting<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as StoreError {
            switch error {
            case .notFound(let kind, let id): throw ValidationError("no \(kind) \(id)")
            case .conflict(let message): throw ValidationError(message)
            case .invalid(let issues): throw ValidationError(issues.map { $0.message(in: .en) }.joined(separator: "\n"))
            case .unattributed: throw ValidationError("no actor for this change; nothing was written")
            }
        }
    }
}
