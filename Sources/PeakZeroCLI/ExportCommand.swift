import Accounting
import ArgumentParser
import Foundation
import Intake
import Persistence

/// `peakzero export activity|economic|units|projects|ledger|regional|inventory|indicators …`: stored numbers as an Excel or CSV file.
struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export activity or economic data, units, projects, ledger entries, regional statistics, an inventory or indicators to Excel or CSV.",
        subcommands: [
            Subtree<ActivityKind>.self, Subtree<EconomicKind>.self, Subtree<UnitsKind>.self,
            Subtree<ProjectsKind>.self, Subtree<LedgerKind>.self, Regional.self,
            Inventory.self, Indicators.self,
        ])

    /// `export regional --region CODE`: a region's statistics (and those within it) in the template's layout.
    struct Regional: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Regional statistics of a region and the regions within it, in the template's layout (importable again).")
        @OptionGroup var storage: StorageOptions
        @Option(help: "Region code (GB/T 2260: 510000, 510100 or a prefix).") var region: String
        @OptionGroup var file: FileOptions

        func validate() throws {
            guard RegionPrefix(region) != nil else { throw ValidationError("--region is not a GB/T 2260 code") }
        }

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                try file.write(
                    try await Exports.regional(
                        in: database, region: RegionPrefix(region)!, language: try file.language.resolved()),
                    defaultName: "regional-\(region)")
            }
        }
    }

    /// The options every export shares.
    struct FileOptions: ParsableArguments {
        @Option(help: "xlsx or csv.") var format: String = "xlsx"
        @Option(name: .shortAndLong, help: "File to write (default: a name made from what is exported).")
        var output: String?
        @OptionGroup var language: LanguageOption

        func write(_ tables: [ExportTable], defaultName: String) throws {
            guard let format = Templates.Format(rawValue: format.lowercased()) else {
                throw ValidationError("--format must be xlsx or csv, not \(format)")
            }
            let path = output ?? "\(defaultName).\(format.rawValue)"
            let data = try Exports.data(tables, format: format)
            do { try data.write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
                throw ValidationError("cannot write \(path): \(error.localizedDescription)")
            }
            say(path)
        }
    }

    /// Which template's data a subtree export writes.
    protocol TemplateKind { static var kind: Exports.SubtreeKind { get } }
    enum ActivityKind: TemplateKind { static var kind: Exports.SubtreeKind { .activity } }
    enum EconomicKind: TemplateKind { static var kind: Exports.SubtreeKind { .economic } }
    enum UnitsKind: TemplateKind { static var kind: Exports.SubtreeKind { .units } }
    enum ProjectsKind: TemplateKind { static var kind: Exports.SubtreeKind { .projects } }
    enum LedgerKind: TemplateKind { static var kind: Exports.SubtreeKind { .ledger } }

    /// `export activity|economic|units|projects|ledger --unit CODE`: a subtree's data in its template's layout.
    struct Subtree<Kind: TemplateKind>: AsyncParsableCommand {
        static var configuration: CommandConfiguration {
            let what =
                switch Kind.kind {
                case .activity: "Activity records"
                case .economic: "Economic records"
                case .units: "The units"
                case .projects: "Reduction projects"
                case .ledger: "Carbon-asset ledger entries"
                }
            return CommandConfiguration(
                commandName: Kind.kind.rawValue,
                abstract: "\(what) of a unit and its descendants, in the template's layout (importable again).")
        }
        @OptionGroup var storage: StorageOptions
        @Option(help: "Unit code.") var unit: String
        @Option(help: "Only this year (activity and economic data).") var year: Int?
        @OptionGroup var file: FileOptions

        func validate() throws {
            if year != nil, ![.activity, .economic].contains(Kind.kind) {
                throw ValidationError("--year is for activity and economic data only")
            }
        }

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let anchor = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: unit) }
                try file.write(
                    try await Exports.subtree(
                        Kind.kind, in: database, under: anchor.id, year: year, language: try file.language.resolved()),
                    defaultName: "\(Kind.kind.rawValue)-\(unit)\(year.map { "-\($0)" } ?? "")")
            }
        }
    }

    struct Inventory: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "A stored inventory's lines with their factors.")
        @OptionGroup var storage: StorageOptions
        @Argument(help: "Inventory id.") var id: Int64
        @OptionGroup var file: FileOptions

        func run() async throws {
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let tables = try await StoreErrorText.reporting {
                    try await Exports.inventory(in: database, id: id, language: try file.language.resolved())
                }
                try file.write(
                    tables,
                    defaultName: "inventory-\(id)")
            }
        }
    }

    struct Indicators: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The four indicators of a unit or a region for a year, with every breakdown.")
        @OptionGroup var storage: StorageOptions
        @Option(help: "Unit code.") var unit: String?
        @Option(help: "Region code (GB/T 2260 or a prefix).") var region: String?
        @Option(help: "Year.") var year: Int
        @Option(help: "Consolidation for a unit: control or equity.") var approach: String = "control"
        @Option(help: "Scope-2 figure in the emissions: location or market.") var scope2: String = "location"
        @OptionGroup var file: FileOptions

        func validate() throws {
            guard (unit == nil) != (region == nil) else {
                throw ValidationError("give exactly one of --unit and --region")
            }
            guard ConsolidationApproach(rawValue: approach) != nil else {
                throw ValidationError("--approach must be control or equity")
            }
            guard Scope2Method(rawValue: scope2) != nil else {
                throw ValidationError("--scope2 must be location or market")
            }
        }

        func run() async throws {
            let method = Scope2Method(rawValue: scope2)!
            let language = try file.language.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let subject: RollupSubject
                let name: String
                if let unit {
                    let found = try await StoreErrorText.reporting { try await UnitStore(database).unit(code: unit) }
                    subject = .unit(id: found.id, approach: ConsolidationApproach(rawValue: approach)!)
                    name = unit
                } else {
                    guard let prefix = RegionPrefix(region!) else {
                        throw ValidationError("--region is not a GB/T 2260 code")
                    }
                    subject = .region(prefix)
                    name = prefix.prefix
                }
                let tables = try await StoreErrorText.reporting {
                    try await Exports.indicators(
                        in: database, subject: subject, year: year, method: method, language: language)
                }
                try file.write(tables, defaultName: "indicators-\(name)-\(year)")
            }
        }
    }
}
