import Foundation
import Testing

/// The built `peakzero` program, run as a user runs it (the README's first command).
@Suite("peakzero executable")
struct ExecutableTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The executable beside the test bundle (SwiftPM builds it for these tests).
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.map { $0.appendingPathComponent("peakzero") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Runs `peakzero` with `arguments` in `folder` (the package's root by default).
    static func run(_ arguments: [String], in folder: String? = nil) throws -> (code: Int32, out: String, err: String) {
        let process = Process()
        let program: URL = try #require(executable, "peakzero executable not found next to the tests")
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder.map { URL(fileURLWithPath: $0) } ?? packageRoot
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (
            process.terminationStatus, String(decoding: outData, as: UTF8.self),
            String(decoding: errData, as: UTF8.self)
        )
    }

    @Test("the README's example computes, and its JSON totals equal the sum of its lines")
    func example_runs() throws {
        let run = try Self.run(["calc", "Examples/chengdu-plant-2024.csv", "--format", "json"])
        #expect(run.code == 0, "\(run.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let lines = try #require(json["lines"] as? [[String: Any]])
        let sum = lines.compactMap { $0["co2e_t"] as? Double }.reduce(0, +)
        let total = try #require(json["co2e_t"] as? Double)
        #expect(abs(sum - total) < 1e-9 * total)
        #expect(lines.count == 13)
    }

    @Test("a bad file exits 1")
    func badFile_exitsNonZero() throws {
        let run = try Self.run(["calc", "Examples/does-not-exist.csv", "--lang", "en"])
        #expect(run.code == 1)
        #expect(run.err.contains("no such file"))
    }

    @Test("factors show prints the citation of an item")
    func factorsShow() throws {
        let run = try Self.run(["factors", "show", "电力", "--lang", "en"])
        #expect(run.code == 0)
        #expect(run.out.contains("GRID-113"))
        #expect(run.out.contains("公告2025年第47号"))
        let unknown = try Self.run(["factors", "show", "柴由", "--lang", "zh"])
        #expect(unknown.code != 0)
        #expect(unknown.err.contains("柴油 (diesel)"))
    }
}
