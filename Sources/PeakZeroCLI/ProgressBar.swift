import Accounting
import Foundation

/// A one-line progress bar on the terminal's standard error — shown only when that is a terminal
/// and the work has run for more than two seconds: the share done, rows, rows per second and the
/// time left.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDrawn = Date.distantPast
    private var drawn = false
    private let enabled: Bool
    private let language: Language

    init(language: Language, enabled: Bool = isatty(STDERR_FILENO) == 1) {
        self.language = language
        self.enabled = enabled
    }

    func update(done: Int, total: Int, rows: Int) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 2, now.timeIntervalSince(lastDrawn) > 0.1 else { return }
        lastDrawn = now
        drawn = true
        FileHandle.standardError.write(
            Data(Self.line(done: done, total: total, rows: rows, elapsed: elapsed, language: language).utf8))
    }

    /// Clears the bar before the report is printed.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }

    static func line(done: Int, total: Int, rows: Int, elapsed: TimeInterval, language: Language) -> String {
        let share = total > 0 ? min(1, Double(done) / Double(total)) : 0
        let width = 30
        let filled = Int(share * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let rate = elapsed > 0 ? Double(rows) / elapsed : 0
        let left = share > 0 ? elapsed * (1 - share) / share : 0
        let percent = String(format: "%3.0f%%", share * 100)
        let rowsText = NumberText.grouped(Double(rows), decimals: 0)
        let rateText = NumberText.grouped(rate, decimals: 0)
        let leftText = String(format: "%.0f", left)
        let figures = language.word(.progress, ["rows": rowsText, "rate": rateText, "left": leftText])
        return "\r\(bar) \(percent)  \(figures)\u{1B}[K"
    }
}
