import ArgumentParser

/// `peakzero`: PeakZero's command line.
public struct PeakZeroCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "peakzero",
        abstract: "PeakZero 双碳管理平台 — carbon and energy accounting for China's dual-carbon work.",
        subcommands: [CalcCommand.self, FactorsCommand.self]
    )

    public init() {}
}
