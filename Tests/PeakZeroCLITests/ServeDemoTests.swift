import Foundation
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
