import ArgumentParser

/// `peakzero`: PeakZero's command line.
public struct PeakZeroCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "peakzero",
        abstract: "PeakZero 双碳管理平台 — carbon and energy accounting for China's dual-carbon work.",
        subcommands: [
            CalcCommand.self, FactorsCommand.self, PathwayCommand.self, ServeCommand.self, MigrateCommand.self, DemoCommand.self,
            UnitsCommand.self, InventoryCommand.self, IndicatorsCommand.self, TemplateCommand.self, ImportCommand.self,
            ExportCommand.self, UsersCommand.self, BackupCommand.self, RestoreCommand.self, AuditCommand.self,
            ProjectsCommand.self, AssetsCommand.self, ComplianceCommand.self, FootprintCommand.self, ReportCommand.self,
        ]
    )

    public init() {}
}
