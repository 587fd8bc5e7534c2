import Accounting
import Testing

@testable import PeakZeroCLI

@Suite("Words of the command line")
struct CLIWordsTests {
    @Test("every word is in both languages, with the same placeholders and the same number of columns")
    func complete() {
        #expect(CLIWords.catalogue.gaps == [])
    }

    @Test("the progress line names rows, rate and time left in the reader's language")
    func progress() {
        let zh = ProgressBar.line(done: 50, total: 100, rows: 5_000, elapsed: 10, language: .zh)
        let en = ProgressBar.line(done: 50, total: 100, rows: 5_000, elapsed: 10, language: .en)
        #expect(zh.contains(" 50%  5,000 行  500 行/秒  剩余约 10 秒"))
        #expect(en.contains(" 50%  5,000 rows  500 rows/s  ETA 10 s"))
    }
}
