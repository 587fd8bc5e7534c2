import PeakZeroCLI

/// The `peakzero` program: every command lives in PeakZeroCLI.
@main
struct PeakZeroMain {
    static func main() async {
        await PeakZeroCommand.main()
    }
}
