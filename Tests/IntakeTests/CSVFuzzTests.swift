import Accounting
import Foundation
import PersistenceTestSupport
import Testing

@testable import Intake

@Suite("CSV: random and truncated bytes never crash the reader")
struct CSVFuzzTests {
    @Test("random bytes: refused as not UTF-8, or read; truncations of a good file read or name the open quote")
    func fuzz() throws {
        var random = SplitMix64(state: 42)
        var refused = 0
        // Bytes drawn mostly from what CSV is made of, so parsing goes deep, plus any byte at all.
        let alphabet: [UInt8] = Array("a,\"\n\r 1.5-单".utf8)
        for round in 0..<400 {
            let count = Int.random(in: 0..<600, using: &random)
            let bytes = (0..<count).map { _ in
                round % 2 == 0 ? alphabet.randomElement(using: &random)! : UInt8.random(in: 0...255, using: &random)
            }
            do {
                _ = try IntakeFile(data: Data(bytes), name: "fuzz.csv")
            } catch {
                refused += 1
                #expect(!error.issues.isEmpty)
                #expect(error.issues.allSatisfy { $0.file == "fuzz.csv" })
            }
        }
        #expect(refused > 100)
        let good = Data("unit,period,item,quantity,uom,note\nF1,2024-01,柴油,1,t,\"a\nb\"\nF1,2024-02,柴油,2,t,x\n".utf8)
        for length in 0...good.count {
            do { _ = try IntakeFile(data: good.prefix(length), name: "cut.csv") } catch {
                #expect(error.issues.allSatisfy { [.notUTF8, .unterminatedQuote].contains($0.problem) })
            }
        }
    }
}
