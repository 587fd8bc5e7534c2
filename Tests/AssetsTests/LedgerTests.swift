import Accounting
import Assets
import Testing

func day(_ text: String) -> CalendarDay { CalendarDay(parsing: text)! }

@Suite("The carbon-asset ledger refuses what would break it")
struct LedgerTests {
    let rules = LedgerRules(certificateValidityMonths: 24)
    let cea21 = Lot.cea(2021)
    let certificates = Lot(kind: .gec, vintage: 2024, month: 3, reference: "GEC-0001")

    @Test("a sale larger than the holding is refused, naming what is held")
    func oversell() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "P1", day: day("2022-03-01"), action: .allocatePre, lot: cea21, quantity: 100))
        let sale = LedgerEvent(account: "P1", day: day("2022-04-01"), action: .sell, lot: cea21, quantity: 150, priceYuan: 60)
        #expect(throws: LedgerProblems.self) { try ledger.append(sale) }
        let problem = ledger.check(sale, deadline: nil).first!
        #expect(problem.kind == .insufficient)
        #expect(problem.message(.en) == "quantity: on 2022-04-01 the account holds 100 of cea:2021, less than 150; a balance cannot go negative")
        #expect(ledger.events.count == 1)
    }

    @Test("a back-dated sale that would make a later day negative is refused")
    func backDated() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "P1", day: day("2022-03-01"), action: .buy, lot: cea21, quantity: 100))
        try ledger.append(LedgerEvent(account: "P1", day: day("2022-05-01"), action: .sell, lot: cea21, quantity: 80))
        let early = LedgerEvent(account: "P1", day: day("2022-04-01"), action: .sell, lot: cea21, quantity: 30)
        #expect(ledger.check(early, deadline: nil).map(\.kind) == [.insufficient])
        try ledger.append(LedgerEvent(account: "P1", day: day("2022-04-01"), action: .sell, lot: cea21, quantity: 20))
        #expect(ledger.balance(of: "P1", cea21, at: day("2022-04-15")) == 80)
        #expect(ledger.balance(of: "P1", cea21, at: day("2022-05-01")) == 0)
        #expect(ledger.balance(of: "P1", cea21, at: day("2022-02-28")) == 0)
    }

    @Test("a surrender after the deadline needs the late flag")
    func lateSurrender() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "P1", day: day("2022-03-01"), action: .allocatePre, lot: cea21, quantity: 100))
        var surrender = LedgerEvent(
            account: "P1", day: day("2024-01-05"), action: .surrender, lot: cea21, quantity: 100, complianceYear: 2021)
        let deadline = day("2023-12-31")
        #expect(ledger.check(surrender, deadline: deadline).map(\.kind) == [.lateSurrender])
        #expect(
            ledger.check(surrender, deadline: deadline)[0].message(.zh)
                == "day：2021 年度的清缴截止日为 2023-12-31；逾期补缴须勾选“逾期”")
        surrender.late = true
        try ledger.append(surrender, deadline: deadline)
        surrender.complianceYear = nil
        #expect(ledger.check(surrender, deadline: nil).map(\.kind).contains(.surrenderNeedsYear))
    }

    @Test("a certificate is retired once: retired ones cannot come back, nor be retired again")
    func retiredOnce() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "F1", day: day("2024-04-01"), action: .buy, lot: certificates, quantity: 50))
        let retire = LedgerEvent(
            account: "F1", day: day("2024-06-30"), action: .retire, lot: certificates, quantity: 50, retiredFor: "2024-06")
        try ledger.append(retire)
        #expect(ledger.retired(certificates) == 50)
        #expect(ledger.check(retire, deadline: nil).map(\.kind) == [.insufficient])
        let rebuy = LedgerEvent(account: "F2", day: day("2024-07-01"), action: .buy, lot: certificates, quantity: 10)
        #expect(ledger.check(rebuy, deadline: nil).map(\.kind) == [.retiredBefore])
        var noPeriod = retire
        noPeriod.retiredFor = nil
        #expect(ledger.check(noPeriod, deadline: nil).map(\.kind).contains(.retireNeedsPeriod))
    }

    @Test("certificates lapse two years after their production month")
    func expiry() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "F1", day: day("2024-04-01"), action: .buy, lot: certificates, quantity: 5))
        let late = LedgerEvent(
            account: "F1", day: day("2026-03-01"), action: .retire, lot: certificates, quantity: 5, retiredFor: "2026-02")
        #expect(ledger.check(late, deadline: nil).map(\.kind) == [.certificateExpired])
        let lastDay = LedgerEvent(
            account: "F1", day: day("2026-02-28"), action: .retire, lot: certificates, quantity: 5, retiredFor: "2026-02")
        #expect(ledger.check(lastDay, deadline: nil).isEmpty)
        try ledger.append(LedgerEvent(account: "F1", day: day("2026-03-01"), action: .expire, lot: certificates, quantity: 5))
        #expect(ledger.balances(of: "F1", at: day("2026-03-01")).isEmpty)
    }

    @Test("a transfer moves both sides or neither; green certificates cannot be surrendered")
    func transfer() throws {
        var ledger = Ledger(rules: rules)
        try ledger.append(LedgerEvent(account: "A", day: day("2022-01-10"), action: .buy, lot: cea21, quantity: 10))
        #expect(throws: LedgerProblems.self) {
            try ledger.transfer(from: "A", to: "B", day: day("2022-01-11"), lot: cea21, quantity: 11)
        }
        #expect(ledger.events.count == 1)
        try ledger.transfer(from: "A", to: "B", day: day("2022-01-11"), lot: cea21, quantity: 4)
        #expect(ledger.balances(of: ["A", "B"], at: day("2022-01-11")) == [cea21: 10])
        #expect(ledger.balance(of: "B", cea21, at: day("2022-01-11")) == 4)
        let gec = LedgerEvent(
            account: "A", day: day("2024-05-01"), action: .surrender, lot: certificates, quantity: 1, complianceYear: 2024)
        #expect(ledger.check(gec, deadline: nil).map(\.kind).contains(.notSurrenderable))
    }

    @Test("bad lots and quantities are refused by field")
    func badFields() {
        let ledger = Ledger(rules: rules)
        let event = LedgerEvent(
            account: " ", day: day("2022-01-01"), action: .buy, lot: Lot(kind: .ccer, vintage: 1999), quantity: -5,
            priceYuan: -.infinity)
        #expect(ledger.check(event, deadline: nil).map(\.field) == ["account", "quantity", "price", "vintage", "reference"])
    }
}

@Suite("Calendar days")
struct CalendarDayTests {
    @Test("days round-trip through their ordinal and order like the calendar")
    func roundTrip() {
        #expect(CalendarDay(parsing: "1970-01-01")!.ordinal == 0)
        #expect(CalendarDay(parsing: "2000-03-01")!.ordinal == 11_017)
        #expect(CalendarDay(parsing: "2023-02-29") == nil)
        #expect(CalendarDay(parsing: "2024-02-29")!.description == "2024-02-29")
        for ordinal in stride(from: -25_000, to: 80_000, by: 7) {
            let d = CalendarDay(ordinal: ordinal)
            #expect(CalendarDay(year: d.year, month: d.month, day: d.day)?.ordinal == ordinal)
        }
        #expect(CalendarDay(parsing: "2024-01-31")!.adding(months: 1).description == "2024-02-29")
        #expect(CalendarDay(parsing: "2024-03-01")!.adding(months: 24).description == "2026-03-01")
    }
}
