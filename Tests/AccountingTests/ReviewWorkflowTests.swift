import Accounting
import Testing

/// The review's rules on their own, without a database: the transitions of PeriodStatus, the four
/// eyes, the reasons and the versions a correction starts.
@Suite("Review workflow")
struct ReviewWorkflowTests {
    static let rita = ReviewWorkflow.Taker(accountID: 7, name: "rita")
    static let rex = ReviewWorkflow.Taker(accountID: 8, name: "rex")
    static func state(_ status: PeriodStatus, _ version: Int = 1) -> ReviewWorkflow.State {
        .init(status: status, version: version)
    }

    @Test("each step starts only from its states and leads to its one state")
    func transitions_followTheTable() throws {
        let table: [(ReviewStep, PeriodStatus, PeriodStatus?)] = [
            (.submit, .draft, .submitted), (.submit, .returned, .submitted), (.submit, .correcting, .submitted),
            (.submit, .submitted, nil), (.submit, .approved, nil),
            (.approve, .submitted, .approved), (.approve, .draft, nil), (.approve, .approved, nil),
            (.return, .submitted, .returned), (.return, .returned, nil), (.return, .correcting, nil),
            (.correct, .approved, .correcting), (.correct, .submitted, nil), (.correct, .draft, nil),
        ]
        for (step, from, to) in table {
            let attempt = Result {
                try ReviewWorkflow.decide(
                    step, on: Self.state(from), by: Self.rex, submittedBy: Self.rita, reason: "because")
            }
            switch (attempt, to) {
            case (.success(let decision), let to?): #expect(decision.state.status == to, "\(step) from \(from)")
            case (.failure(let refusal as ReviewRefusal), nil):
                #expect(refusal == .wrongState(from, step: step), "\(step) from \(from)")
            default: Issue.record("\(step) from \(from): \(attempt)")
            }
        }
    }

    @Test("nobody approves or returns their own submission; another reviewer may")
    func fourEyes() throws {
        for step in [ReviewStep.approve, .return] {
            #expect(throws: ReviewRefusal.ownSubmission) {
                try ReviewWorkflow.decide(
                    step, on: Self.state(.submitted), by: Self.rita, submittedBy: Self.rita, reason: "x")
            }
            let decision = try ReviewWorkflow.decide(
                step, on: Self.state(.submitted), by: Self.rex, submittedBy: Self.rita, reason: "x")
            #expect(decision.state.status == step.transition.to)
        }
        // From the command line there is no account: the same name is the same person.
        let cli = ReviewWorkflow.Taker(accountID: nil, name: "ops")
        #expect(throws: ReviewRefusal.ownSubmission) {
            try ReviewWorkflow.decide(.approve, on: Self.state(.submitted), by: cli, submittedBy: cli, reason: nil)
        }
        let other = ReviewWorkflow.Taker(accountID: nil, name: "audit")
        #expect(throws: Never.self) {
            try ReviewWorkflow.decide(.approve, on: Self.state(.submitted), by: other, submittedBy: cli, reason: nil)
        }
    }

    @Test("returning and correcting need a reason, kept trimmed; blank is none")
    func reasons() throws {
        for step in [ReviewStep.return, .correct] {
            let from: PeriodStatus = step == .return ? .submitted : .approved
            for blank in [nil, "", "  \n "] {
                #expect(throws: ReviewRefusal.reasonRequired) {
                    try ReviewWorkflow.decide(
                        step, on: Self.state(from), by: Self.rex, submittedBy: Self.rita, reason: blank)
                }
            }
            let decision = try ReviewWorkflow.decide(
                step, on: Self.state(from), by: Self.rex, submittedBy: Self.rita, reason: "  wrong meter \n")
            #expect(decision.reason == "wrong meter")
        }
    }

    @Test("a correction's submission is the next version; every other step keeps it")
    func versions() throws {
        func after(
            _ step: ReviewStep, _ state: ReviewWorkflow.State, by taker: ReviewWorkflow.Taker = ReviewWorkflowTests.rex
        ) throws
            -> ReviewWorkflow.State
        {
            try ReviewWorkflow.decide(step, on: state, by: taker, submittedBy: Self.rita, reason: "r").state
        }
        var state = ReviewWorkflow.State.draft
        state = try after(.submit, state, by: Self.rita)
        #expect(state == Self.state(.submitted, 1))
        state = try after(.return, state)
        state = try after(.submit, state, by: Self.rita)
        #expect(state == Self.state(.submitted, 1))
        state = try after(.approve, state)
        state = try after(.correct, state)
        #expect(state == Self.state(.correcting, 1))
        state = try after(.submit, state, by: Self.rita)
        #expect(state == Self.state(.submitted, 2))
        state = try after(.approve, state)
        #expect(state == Self.state(.approved, 2))
    }

    @Test("a submission keeps the data handed in; approving and correcting make inventories stale")
    func whatEachStepKeeps() throws {
        let cases: [(ReviewStep, PeriodStatus, keeps: Bool, stale: Bool)] = [
            (.submit, .draft, true, false), (.approve, .submitted, false, true),
            (.return, .submitted, false, false), (.correct, .approved, false, true),
        ]
        for (step, from, keeps, stale) in cases {
            let decision = try ReviewWorkflow.decide(
                step, on: Self.state(from), by: Self.rex, submittedBy: Self.rita, reason: "r")
            #expect(decision.keepsSubmittedData == keeps, "\(step)")
            #expect(decision.makesInventoriesStale == stale, "\(step)")
        }
    }

    @Test("data changers submit and correct; reviewers approve and return")
    func whoTakesEachStep() {
        #expect(ReviewWorkflow.roles(for: .submit) == [.reporter, .manager, .admin])
        #expect(ReviewWorkflow.roles(for: .correct) == [.reporter, .manager, .admin])
        #expect(ReviewWorkflow.roles(for: .approve) == [.reviewer, .admin])
        #expect(ReviewWorkflow.roles(for: .return) == [.reviewer, .admin])
    }
}
