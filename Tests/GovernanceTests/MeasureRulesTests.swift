import Accounting
import Testing

@testable import Governance

/// A measure list's rules on their own, without a database.
@Suite("Measure rules")
struct MeasureRulesTests {
    @Test("a new item: fields trimmed and defaulted; every bad field named at once")
    func draft() throws {
        let good = try MeasureRules.draft(
            unitID: 7, kind: nil, title: "  Kiln retrofit ", ownerPerson: "Wang", startDate: "2024-03-01",
            deadline: "2024-09-30", status: nil, participants: nil)
        #expect(good.title == "Kiln retrofit" && good.kind == .measure && good.status == .planned)
        do {
            _ = try MeasureRules.draft(
                unitID: nil, kind: "party", title: " ", ownerPerson: String(repeating: "王", count: 101),
                startDate: "2024-13-01", deadline: "2024-02-30", status: "overdue", participants: -1)
            Issue.record("a draft with every field wrong was accepted")
        } catch {
            #expect(
                error.issues.compactMap(\.column) == [
                    "title", "owner_person", "kind", "status", "start_date", "deadline", "participants", "unit_id",
                ])
        }
        // A deadline before the start is refused on the deadline.
        #expect(throws: MeasureRefusal(issues: [InputIssue(column: "deadline", problem: .badPeriod("2024-02-01"))])) {
            try MeasureRules.draft(
                unitID: 1, kind: "training", title: "t", ownerPerson: "o", startDate: "2024-03-01",
                deadline: "2024-02-01", status: "done", participants: 30)
        }
    }

    @Test("a change: a settable status and/or a note; overdue is never set by hand; limits on length")
    func change() throws {
        let noted = try MeasureRules.change(status: nil, note: " half done ", evidence: "  ")
        #expect(noted == MeasureRules.Change(status: nil, note: "half done", evidence: nil))
        #expect(try MeasureRules.change(status: "done", note: nil, evidence: nil).status == .done)
        #expect(throws: MeasureRefusal.self) { try MeasureRules.change(status: "overdue", note: nil, evidence: nil) }
        #expect(throws: MeasureRefusal(issues: [InputIssue(column: "status", problem: .missingValue)])) {
            try MeasureRules.change(status: nil, note: "   ", evidence: nil)
        }
        #expect(
            throws: MeasureRefusal(issues: [InputIssue(column: "note", problem: .tooLong(limit: 4000))])
        ) { try MeasureRules.change(status: nil, note: String(repeating: "x", count: 4001), evidence: nil) }
    }
}
