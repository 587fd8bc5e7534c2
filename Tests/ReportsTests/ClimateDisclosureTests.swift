import Accounting
import Reports
import Testing

/// The climate section's narrative rules and its index table.
@Suite("Climate section: narrative and index")
struct ClimateDisclosureTests {
    @Test("markup is refused by section; comparisons, ampersands and line breaks are text")
    func markup() {
        var narrative = ClimateNarrative(governance: "Costs < benefits & 5<10\nsecond paragraph")
        #expect(narrative.problems().isEmpty)
        narrative.strategy = "see <a href=x>here</a>"
        narrative.assurance = "&lt;b&gt;"
        narrative.riskManagement = "<!-- hidden -->"
        let problems = narrative.problems()
        #expect(problems.map(\.field) == ["strategy", "risk_management", "assurance"])
        #expect(problems[0].en.contains("<a href=x>"))
        narrative = ClimateNarrative(metricsAndTargets: "bell\u{07}")
        #expect(narrative.problems().map(\.field) == ["metrics_and_targets"])
        narrative = ClimateNarrative(governance: String(repeating: "治", count: ClimateNarrative.maxLength + 1))
        #expect(narrative.problems().map(\.field) == ["governance"])
    }

    @Test("the index table loads whole: every line sourced, graded, pointing at a section the report has")
    func index() {
        let entries = DisclosureIndex.entries
        #expect(entries.count == 15)
        #expect(Set(entries.map(\.key)).count == entries.count)
        let sections: Set<String> = ["ghg", "scope3", "basis", "intensity", "energy", "reductions", "targets", "assets"]
        for entry in entries {
            #expect(!entry.source.isEmpty && ["V", "S", "U"].contains(entry.grade), "\(entry.key)")
            #expect(sections.contains(entry.section), "\(entry.key): \(entry.section)")
            #expect(!entry.gri.isEmpty || !entry.ifrsS2.isEmpty, "\(entry.key)")
        }
        #expect(entries.first { $0.key == "scope3" }?.ifrsS2 == "29(a)(i)(3)")
    }
}
