import Accounting
import Testing

@testable import Governance

@Suite("Message catalogues of targets, progress and splits")
struct GovernanceMessagesTests {
    @Test("every message is in both languages, with the same placeholders")
    func complete() {
        #expect(ProgressReason.catalogue.gaps == [])
        #expect(TargetProblem.catalogue.gaps == [])
        #expect(DefinitionProblem.catalogue.gaps == [])
        #expect(SplitProblem.catalogue.gaps == [])
    }

    @Test("messages fill their placeholders: a percentage, a year, a child's name, a field")
    func filled() {
        #expect(ProgressReason.forecastOfLimit(ratio: 1.083).message(.zh) == "预计全年为目标值的 108.3%")
        #expect(ProgressReason.noStartValue(year: 2020).message(.en) == "no complete figures for 2020, the starting value")
        #expect(
            SplitProblem.missingManual(child: 7).message(.en) { _ in "成都" }
                == "成都: a split by hand needs a target of the same indicator for every child")
        #expect(DefinitionProblem.unknown("method", "x").message(.zh) == "method：无法识别“x”")
        #expect(DefinitionProblem.invalid(.amount).message(.en) == "value: the target amount must be a positive number")
    }
}
