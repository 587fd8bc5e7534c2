import Foundation
@testable import PeakZeroCLI
import PeakZeroServer
import Spreadsheet
import Testing

/// The README's second command, as a user runs it: `peakzero serve --demo` loads the demo province,
/// makes its accounts and serves.
@Suite("peakzero serve --demo")
struct ServeDemoTests {
    /// Output gathered from a running process's pipe.
    final class Output: @unchecked Sendable {  // `text` only under `lock`
        private let lock = NSLock()
        private var text = ""
        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
        var value: String { lock.withLock { text } }
    }

    @Test("loads the demo and its accounts, then serves, with nothing left unattributed")
    func servesDemo() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pz-serve-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let process = Process()
        process.executableURL = try #require(ExecutableTests.executable, "peakzero executable not found")
        process.arguments = ["serve", "--demo", "--data-dir", folder.path, "--port", "0"]
        let (out, err) = (Output(), Output())
        let (outPipe, errPipe) = (Pipe(), Pipe())
        outPipe.fileHandleForReading.readabilityHandler = { out.append($0.availableData) }
        errPipe.fileHandleForReading.readabilityHandler = { err.append($0.availableData) }
        process.standardOutput = outPipe
        process.standardError = errPipe
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let deadline = Date().addingTimeInterval(300)
        while process.isRunning, !out.value.contains("PeakZero serves"), Date() < deadline {
            try await Task.sleep(for: .milliseconds(200))
        }
        #expect(out.value.contains("Demo accounts"), "stdout: \(out.value)\nstderr: \(err.value)")
        #expect(out.value.contains("PeakZero serves"), "stdout: \(out.value)\nstderr: \(err.value)")
        #expect(process.isRunning, "stderr: \(err.value)")
    }
}

/// The server's time limits, as `peakzero serve` reads them: the options, else the environment,
/// else the defaults; anything but whole seconds from 1 to a day is refused by name.
@Suite("peakzero serve: time and size limits")
struct ServeSettingsTests {
    @Test("options set the idle timeout and the body time limit; defaults otherwise; nonsense refused")
    func timeLimits() throws {
        let set = try ServeCommand.parse(["--idle-timeout", "12", "--body-time-limit", "300"]).serverConfiguration()
        #expect(set.idleTimeout == .seconds(12) && set.bodyTimeLimit == .seconds(300))
        if ProcessInfo.processInfo.environment["PEAKZERO_IDLE_TIMEOUT"] == nil,
            ProcessInfo.processInfo.environment["PEAKZERO_BODY_TIME_LIMIT"] == nil
        {
            let defaults = try ServeCommand.parse([]).serverConfiguration()
            #expect(defaults.idleTimeout == .seconds(30) && defaults.bodyTimeLimit == .seconds(120))
        }
        for bad in ["0", "-5", "86401"] {
            #expect(throws: (any Error).self) {
                try ServeCommand.parse(["--body-time-limit", bad]).serverConfiguration()
            }
        }
        #expect(throws: (any Error).self) { try ServeCommand.seconds(nil, option: "--x", environment: "PATH", or: .seconds(1)) }
    }

    @Test("the event loops: one per core unless set; nonsense refused by name")
    func eventLoops() throws {
        #expect(try ServeCommand.parse(["--event-loops", "1"]).serverConfiguration().eventLoops == 1)
        if ProcessInfo.processInfo.environment["PEAKZERO_EVENT_LOOPS"] == nil {
            #expect(try ServeCommand.parse([]).serverConfiguration().eventLoops == nil)
        }
        for bad in ["0", "257"] {
            do {
                _ = try ServeCommand.parse(["--event-loops", bad]).serverConfiguration()
                Issue.record("--event-loops \(bad) was accepted")
            } catch {
                #expect("\(error)".contains("--event-loops"))
            }
        }
    }

    @Test("options set the body, workbook and import limits; defaults otherwise; nonsense refused by name")
    func requestLimits() throws {
        let set = try ServeCommand.parse([
            "--max-body-mib", "8", "--max-workbook-mib", "100", "--max-imports", "4", "--max-workbook-columns", "60",
            "--max-cell-characters", "5000",
        ]).serverLimits()
        #expect(
            set
                == ServerLimits(
                    bodyBytes: 8 << 20, workbookBytes: 100 << 20, concurrentImports: 4, workbookColumns: 60,
                    cellCharacters: 5000))
        // What the workbook reader is given: these, and the standard packing ratio.
        #expect(
            set.workbook
                == WorkbookLimits(unpackedBytes: 100 << 20, compressionRatio: 200, columns: 60, cellCharacters: 5000))
        let environment = ProcessInfo.processInfo.environment
        let names = [
            "PEAKZERO_MAX_BODY_MIB", "PEAKZERO_MAX_WORKBOOK_MIB", "PEAKZERO_MAX_IMPORTS", "PEAKZERO_MAX_WORKBOOK_COLUMNS",
            "PEAKZERO_MAX_CELL_CHARACTERS",
        ]
        if names.allSatisfy({ environment[$0] == nil }) {
            #expect(try ServeCommand.parse([]).serverLimits() == ServerLimits())
            #expect(ServerLimits().workbook == .standard)
        }
        for (option, bad) in [
            ("--max-body-mib", "0"), ("--max-workbook-mib", "99999"), ("--max-imports", "65"),
            ("--max-workbook-columns", "16385"), ("--max-cell-characters", "0"),
        ] {
            do {
                _ = try ServeCommand.parse([option, bad]).serverLimits()
                Issue.record("\(option) \(bad) was accepted")
            } catch {
                #expect("\(error)".contains(option))
            }
        }
    }
}
