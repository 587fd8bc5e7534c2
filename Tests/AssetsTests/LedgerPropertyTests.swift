import Accounting
import Assets
import PropertyBased
import Testing

/// Up to 300 random entries over four accounts, five lots (two of them certificates) and two
/// years of days, in random order of days: many are refused, which is the point.
func generatedEvents(seed: Int) -> [LedgerEvent] {
    // Replayable by seed; every lane depends on it, and the first outputs (still close to the seed) are dropped.
    let s = UInt64(bitPattern: Int64(seed))
    var random = Xoshiro(seed: (s, s &* 0x9E37_79B9_7F4A_7C15, ~s, s ^ 0xBF58_476D_1CE4_E5B9))
    for _ in 0..<8 { _ = random.next() }
    let accounts = ["A", "B", "C", "D"]
    let lots = [
        Lot.cea(2021), Lot.cea(2022), Lot(kind: .ccer, vintage: 2021, reference: "CCER-1"),
        Lot(kind: .gec, vintage: 2022, month: 1, reference: "G1"), Lot(kind: .gec, vintage: 2022, month: 6, reference: "G2"),
    ]
    let start = CalendarDay(parsing: "2022-01-01")!.ordinal
    return (0..<Int.random(in: 1...300, using: &random)).map { _ in
        let action = LedgerAction.allCases.randomElement(using: &random)!
        var quantity = Int64.random(in: 1...100, using: &random)
        if action == .allocateFinal, Bool.random(using: &random) { quantity = -quantity }
        return LedgerEvent(
            account: accounts.randomElement(using: &random)!,
            day: CalendarDay(ordinal: start + Int.random(in: 0..<730, using: &random)), action: action,
            lot: lots.randomElement(using: &random)!, quantity: quantity,
            complianceYear: Bool.random(using: &random) ? 2022 : nil, retiredFor: "2022")
    }
}

@Suite("Ledger properties on generated event streams")
struct LedgerPropertyTests {
    static let rules = LedgerRules(certificateValidityMonths: 24)

    /// What the accepted entries say a balance is at the end of each of `days` (ascending): the
    /// running sum of their changes.
    static func summed(_ events: [LedgerEvent], _ account: String, _ lot: Lot, _ days: [CalendarDay]) -> [Int64] {
        let mine = events.filter { $0.account == account && $0.lot == lot }.sorted { $0.day < $1.day }
        var next = 0
        var running: Int64 = 0
        return days.map { day in
            while next < mine.count, mine[next].day <= day {
                running += mine[next].delta
                next += 1
            }
            return running
        }
    }

    @Test("balances equal the sum of events at every date, are never negative, and replay the same")
    func balances() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max)) { seed in
            var ledger = Ledger(rules: Self.rules)
            for event in generatedEvents(seed: seed) { try? ledger.append(event) }
            let accepted = ledger.events
            let replayed = try? Ledger(rules: Self.rules, replaying: accepted)
            #expect(replayed != nil, "seed \(seed): a replay of accepted events was refused")
            let days = Set(accepted.map(\.day)).sorted()
            for account in ledger.accounts {
                let lots = Set(accepted.filter { $0.account == account }.map(\.lot))
                for lot in lots {
                    let expected = Self.summed(accepted, account, lot, days)
                    for (day, sum) in zip(days, expected) {
                        let balance = ledger.balance(of: account, lot, at: day)
                        #expect(balance >= 0, "seed \(seed): \(account) \(lot) negative on \(day)")
                        #expect(balance == sum, "seed \(seed)")
                        #expect(replayed?.balance(of: account, lot, at: day) == balance, "seed \(seed)")
                    }
                }
            }
        }
    }

    @Test("the generated streams are rich: many entries accepted, many refused")
    func generatorStrength() {
        var accepted = 0
        var refused = 0
        for seed in 1...20 {
            var ledger = Ledger(rules: Self.rules)
            for event in generatedEvents(seed: seed) {
                if (try? ledger.append(event)) != nil { accepted += 1 } else { refused += 1 }
            }
        }
        #expect(accepted > 500)
        #expect(refused > 500)
    }

    @Test("no certificate is retired twice: retirements never exceed what came into the ledger")
    func retiredOnce() async {
        await propertyCheck(input: Gen.int(in: 0...Int.max)) { seed in
            var ledger = Ledger(rules: Self.rules)
            for event in generatedEvents(seed: seed) { try? ledger.append(event) }
            for lot in Set(ledger.events.map(\.lot)) where lot.kind == .gec {
                let events = ledger.events.filter { $0.lot == lot }
                let retired = events.filter { $0.action == .retire }.reduce(Int64(0)) { $0 + $1.quantity }
                // Every entry here stands alone, so a transfer in comes from outside the ledger too.
                let inflows: [LedgerAction] = [.buy, .allocatePre, .allocateFinal, .borrow, .transferIn]
                let came = events.filter { inflows.contains($0.action) }.reduce(Int64(0)) { $0 + $1.delta }
                #expect(retired <= came, "seed \(seed)")
                // After the first retirement nothing of the lot comes in from outside again.
                if let first = events.firstIndex(where: { $0.action == .retire }) {
                    #expect(
                        !events[first...].contains { inflows.contains($0.action) && $0.delta > 0 },
                        "seed \(seed)")
                }
            }
        }
    }
}
