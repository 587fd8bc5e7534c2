import Accounting
import ArgumentParser
import Persistence

/// `peakzero units list`: the stored ownership tree.
struct UnitsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "units", abstract: "Browse the stored units.", subcommands: [List.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List units as a tree (all, a subtree, or a region).")

        @OptionGroup var storage: StorageOptions

        @Option(help: "Only the subtree of the unit with this code.")
        var under: String?

        @Option(help: "Only units in this region (GB/T 2260 code or prefix, e.g. 5101).")
        var region: String?

        @OptionGroup var languageOption: LanguageOption

        func run() async throws {
            let language = try languageOption.resolved()
            try await storage.withDatabase(logger: CLILogger.make()) { database in
                let store = UnitStore(database)
                let root = try await under.asyncMap { try await store.unit(code: $0).id }
                var prefix: RegionPrefix?
                if let region {
                    guard let p = RegionPrefix(region) else {
                        throw ValidationError("--region is not a GB/T 2260 code: \(region)")
                    }
                    prefix = p
                }
                let units = try await store.list(under: root, region: prefix, scope: .everything)
                let depths = Dictionary(uniqueKeysWithValues: units.map { ($0.id, $0) })
                var table = TextTable(header: ["id", "code", "name", "level", "region", "industry", "share"])
                table.rightAligned = [0, 6]
                for unit in units {
                    var depth = 0
                    var parent = unit.parentID
                    while let p = parent, let up = depths[p] {
                        depth += 1
                        parent = up.parentID
                    }
                    table.rows.append([
                        String(unit.id), unit.code, String(repeating: "  ", count: depth) + unit.name,
                        unit.level.rawValue,
                        // Codes first (what a script greps for), then the GB/T 2260 and 4754 names.
                        "\(unit.regionCode) \(AdministrativeDivisions.bundled.name(of: unit.regionCode, language))",
                        unit.industryCode.map { IndustryClassification.bundled.label(ofIndustry: $0, language) } ?? "",
                        String(unit.ownershipShare),
                    ])
                }
                print(table.render())
            }
        }
    }
}
