import Foundation
import Persistence

/// `peakzero-bench`: PeakZero's benchmarks. Run in release mode:
///   swift run -c release peakzero-bench rollup --data DIR
/// Each prints its figures; docs/benchmarks.md records them beside the anchors'.
@main
struct BenchMain {
    static func main() async {
        let arguments = Array(CommandLine.arguments.dropFirst())
        // What a benchmark writes is audited like a command's, in the name of whoever runs it.
        await AuditActor.$current.withValue(.commandLine(user: NSUserName())) { await run(arguments) }
    }

    static func run(_ arguments: [String]) async {
        do {
            switch arguments.first {
            case "rollup": try RollupBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "store": try await StoreBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "import": try await ImportBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "import-once": try await ImportOnce(arguments: Array(arguments.dropFirst())).run()
            case "pathways": try PathwaysBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "assets": try await AssetsBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "footprint": try FootprintBenchmark(arguments: Array(arguments.dropFirst())).run()
            case "report": try await ReportBenchmark(arguments: Array(arguments.dropFirst())).run()
            default:
                print("usage: peakzero-bench rollup --data DIR [--threads N]")
                print(
                    "       peakzero-bench store [--facilities 10000] [--data-dir DIR] [--recalculate-only]   (DATABASE_URL for PostgreSQL)")
                print("       peakzero-bench import [--rows 1000000] [--xlsx-rows 200000] [--data-dir DIR]")
                print("       peakzero-bench pathways --data DIR [--threads N]   (DIR from lmdi_anchor.py)")
                print("       peakzero-bench assets [--events 1000000] [--accounts 10000] [--data-dir DIR]   (DATABASE_URL for PostgreSQL)")
                print("       peakzero-bench footprint --data DIR [--mc 20]   (DIR from lca_anchor.py)")
                print("       peakzero-bench report [--data-dir DIR]   (DIR written by peakzero-bench store)")
                exit(2)
            }
        } catch {
            FileHandle.standardError.write(Data("peakzero-bench: \(error)\n".utf8))
            exit(1)
        }
    }
}

/// Wall-clock seconds of a block.
func seconds<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let result = try body()
    return (result, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}

/// Peak resident memory of this process so far, in MiB (from /proc/self/status VmHWM).
func peakResidentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
    else { return .nan }
    let kB = Double(line.split(separator: " ").compactMap { Double($0) }.first ?? .nan)
    return kB / 1024
}

/// The CPU time this process has used so far (user and system), in seconds: beside a wall time it
/// says how much of a step was PeakZero's own work and how much the database server's.
func processCPUSeconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

func option(_ name: String, in arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}
