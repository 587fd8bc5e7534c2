import Foundation
import Pathways

/// The projection, peaks and four-factor LMDI-I of `shared/bench-anchors/lmdi_anchor.py` on the
/// drivers it wrote, checked against its expected.json and timed beside the NumPy seconds it
/// recorded in the same run.
struct PathwaysBenchmark {
    let data: String
    let threads: Int

    init(arguments: [String]) throws {
        guard let data = option("--data", in: arguments) else {
            throw NumericCSV.BadFile(path: "--data", reason: "give the folder lmdi_anchor.py wrote")
        }
        self.data = data
        threads = Int(option("--threads", in: arguments) ?? "") ?? ProcessInfo.processInfo.activeProcessorCount
    }

    func floats(_ name: String) throws -> [Double] {
        let bytes = try Data(contentsOf: URL(fileURLWithPath: data).appendingPathComponent(name + ".f64"))
        return bytes.withUnsafeBytes { raw in (0..<(bytes.count / 8)).map { raw.loadUnaligned(fromByteOffset: $0 * 8, as: Double.self) } }
    }

    func run() throws {
        let expectedData = try Data(contentsOf: URL(fileURLWithPath: data).appendingPathComponent("expected.json"))
        guard let expected = try JSONSerialization.jsonObject(with: expectedData) as? [String: Any],
            let sizes = expected["scenarios"] as? Int, let years = expected["years"] as? Int,
            let checksums = expected["checksums"] as? [String: Double],
            let anchorSeconds = expected["seconds"] as? [String: Double]
        else { throw NumericCSV.BadFile(path: "expected.json", reason: "not the anchor's format") }
        let projection = BranchProjection(
            years: years, activity0: try floats("a0"), intensity0: try floats("i0"), shares: try floats("share"),
            factor0: try floats("ef"), factorTrend: try floats("efdecay"), slowdown: 0.07)
        let scenarios = BranchProjection.Scenarios(
            count: sizes, growth: try floats("rate"), intensityFactor: try floats("eff"))
        print("scenarios: \(sizes), years: \(years), branches: \(projection.branches), threads: \(threads)")
        var best = Double.infinity
        var result: BranchProjection.Result?
        for _ in 0..<3 {
            let (run, elapsed) = seconds { projection.run(scenarios, threads: threads) }
            best = min(best, elapsed)
            result = run
        }
        let r = result!
        let found: [String: Double] = [
            "sum_total": r.totals.reduce(0, +), "sum_peak_value": r.peakValue.reduce(0, +),
            "sum_peak_year": Double(r.peakYear.reduce(0, +)),
            "sum_activity_effect": r.activity.reduce(0, +), "sum_structure_effect": r.structure.reduce(0, +),
            "sum_intensity_effect": r.intensity.reduce(0, +), "sum_carbon_factor_effect": r.carbonFactor.reduce(0, +),
        ]
        var residual = 0.0
        let steps = years - 1
        for s in 0..<sizes {
            for t in 0..<steps {
                let k = s * steps + t
                let change = r.totals[s * years + t + 1] - r.totals[s * years + t]
                let explained = r.activity[k] + r.structure[k] + r.intensity[k] + r.carbonFactor[k]
                residual = max(residual, abs(explained - change))
            }
        }
        var allMatch = true
        for (name, value) in found.sorted(by: { $0.key < $1.key }) {
            let want = checksums[name] ?? .nan
            let ok = name == "sum_peak_year" ? abs(value - want) <= 2 : abs(value - want) <= 1e-9 * abs(want)
            allMatch = allMatch && ok
            print(String(format: "%@: %.12g (anchor %.12g) %@", name, value, want, ok ? "ok" : "DIFFERS"))
        }
        print(String(format: "max decomposition residual: %.3g (anchor %.3g)", residual,
                     checksums["max_decomposition_residual"] ?? .nan))
        let numpy = (anchorSeconds["projection_and_peaks"] ?? .nan) + (anchorSeconds["lmdi"] ?? .nan)
        print(
            String(
                format: "PeakZero: %.3f s (best of 3), NumPy %.3f s in the anchor's run: %.1f× faster; peak memory %.0f MiB",
                best, numpy, numpy / best, peakResidentMiB()))
        if !allMatch { throw NumericCSV.BadFile(path: "expected.json", reason: "a checksum differs") }
    }
}
