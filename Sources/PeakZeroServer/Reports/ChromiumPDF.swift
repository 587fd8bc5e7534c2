import Foundation

/// Prints a self-contained HTML document to PDF with headless Chromium, as the browser prints the
/// report's page (A4, the stylesheet's `@page` rules, page numbers from its margin boxes). Chromium
/// is found as `PEAKZERO_CHROMIUM`, else `chromium`, `chromium-browser` or `google-chrome` on the
/// PATH; without it PDF is refused by name (the page, the workbook and JSON need nothing installed).
public enum ChromiumPDF {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// No Chromium to print with.
        case noChromium
        /// Chromium ran but gave no PDF: its exit status and last words.
        case failed(status: Int32, output: String)
        case timedOut(seconds: Int)

        public var description: String {
            switch self {
            case .noChromium:
                "PDF needs Chromium: install it (Debian: apt-get install chromium fonts-noto-cjk) or set PEAKZERO_CHROMIUM"
            case .failed(let status, let output): "Chromium could not print the report (status \(status)): \(output)"
            case .timedOut(let seconds): "Chromium did not finish printing within \(seconds) s"
            }
        }
    }

    /// The browser to print with, if there is one.
    public static func executable(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let given = environment["PEAKZERO_CHROMIUM"], FileManager.default.isExecutableFile(atPath: given) {
            return given
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
        }
        return nil
    }

    /// The document as PDF. The HTML loads nothing from elsewhere: it is written to a private
    /// temporary folder, printed there, and the folder removed.
    public static func pdf(html: String, timeoutSeconds: Int = 60) async throws -> Data {
        guard let chromium = executable() else { throw Failure.noChromium }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("peakzero-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let output = folder.appendingPathComponent("report.pdf")
        try Data(html.utf8).write(to: page)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium)
        // Without the sandbox: servers often run as root or in containers where it cannot start. What
        // is printed is PeakZero's own page — every text from users escaped, no script, nothing
        // loaded from elsewhere — from a private folder removed afterwards.
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(folder.appendingPathComponent("profile").path)", "--no-pdf-header-footer",
            "--print-to-pdf=\(output.path)", page.absoluteString,
        ]
        // Chromium's own messages go to a file: a pipe nobody reads would stop it once full.
        let logFile = folder.appendingPathComponent("chromium.log")
        FileManager.default.createFile(atPath: logFile.path, contents: nil)
        let log = try FileHandle(forWritingTo: logFile)
        defer { try? log.close() }
        process.standardOutput = log
        process.standardError = log
        try process.run()
        let deadline = Date().addingTimeInterval(Double(timeoutSeconds))
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                throw Failure.timedOut(seconds: timeoutSeconds)
            }
            try await Task.sleep(nanoseconds: 50_000_000)
        }
        let words = String(decoding: ((try? Data(contentsOf: logFile)) ?? Data()).suffix(400), as: UTF8.self)
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: output), data.starts(with: Array("%PDF".utf8))
        else { throw Failure.failed(status: process.terminationStatus, output: words) }
        return data
    }
}
