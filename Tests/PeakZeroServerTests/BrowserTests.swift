import Foundation
import Hummingbird
import HummingbirdTesting
import Persistence
import PersistenceTestSupport
import Testing

@testable import PeakZeroServer

/// Debian's Chromium, run headless on a page.
enum HeadlessChromium {
    static let path = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Runs Chromium on `url` with `arguments`; returns what it printed.
    static func run(_ arguments: [String], url: String) throws -> String {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-chromium-\(UUID())")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path!)
        // No sandbox: CI runs as root in a container, where Chromium's sandbox cannot start.
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                "--user-data-dir=\(profile.path)", "--virtual-time-budget=3000",
            ] + arguments + [url]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The pages in a real browser: the script runs under the pages' content security policy, and a
/// dashboard prints on A4. Skipped where Chromium is not installed; CI installs it.
@Suite("Web pages in Chromium", .enabled(if: HeadlessChromium.path != nil))
struct BrowserTests {
    @Test("the overview's script makes its table sortable; printed, it is A4 pages with the indicators")
    func overviewInChromium() async throws {
        try await TestDatabases.withDatabase("sqlite") { database async throws in
            _ = try await DemoLoader(database).load()
            let app = Application(
                router: try APIRouter.make(database: database),
                configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            try await app.test(.live) { client async throws in
                let url = "http://127.0.0.1:\(client.port!)/?lang=en"
                let dom = try HeadlessChromium.run(["--dump-dom"], url: url)
                #expect(dom.contains("Energy consumption"))
                // Added by peakzero.js: it ran, under the page's script policy.
                #expect(dom.contains("class=\"sort-control\""), "the script did not run")

                let pdf = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-\(UUID()).pdf")
                defer { try? FileManager.default.removeItem(at: pdf) }
                _ = try HeadlessChromium.run(["--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer"], url: url)
                let text = String(decoding: try Data(contentsOf: pdf), as: UTF8.self)
                let pages =
                    text.components(separatedBy: "/Type /Page\n").count - 1
                    + text.components(separatedBy: "/Type/Page/").count - 1
                #expect(text.hasPrefix("%PDF"))
                // A4 is 595 × 842 points.
                #expect(
                    text.contains("/MediaBox [0 0 595 842]") || text.contains("/MediaBox [0 0 594.95996 841.91998]"))
                #expect(pages >= 1)
            }
        }
    }
}
