import Foundation

/// The rules of a period's review (报送审核), decided without a database: which step may follow
/// which, who may take it, and what each keeps. Submit → approve or return; an approved period is
/// locked, and a correction (更正) reopens it for a new version that needs approval again.
/// The store loads a period's state, asks `decide`, and saves what it answers.
public enum ReviewWorkflow {
    /// A period's review state.
    public struct State: Sendable, Equatable, Codable {
        public let status: PeriodStatus
        /// 1 until the first correction; each correction's submission is the next version.
        public let version: Int

        public init(status: PeriodStatus, version: Int) {
            self.status = status
            self.version = version
        }

        /// A period nobody has submitted yet.
        public static let draft = State(status: .draft, version: 1)
    }

    /// Who takes a step: an account, or (from the command line) a name without one.
    public struct Taker: Sendable, Equatable {
        public let accountID: Int64?
        public let name: String

        public init(accountID: Int64?, name: String) {
            self.accountID = accountID
            self.name = name
        }

        /// The same person: the same account, or the same name when neither has an account.
        func isSamePerson(as other: Taker) -> Bool {
            accountID == other.accountID && (accountID != nil || name == other.name)
        }
    }

    /// What a step allowed does.
    public struct Decision: Sendable, Equatable {
        /// The period's state after the step.
        public let state: State
        /// The reason as kept (trimmed); returning and correcting need one.
        public let reason: String?
        /// A submission hands in the period's data as it stands, kept with the step so earlier
        /// versions stay visible.
        public let keepsSubmittedData: Bool
        /// An approval, or its reopening, changes what the inventories of the unit's year rest on.
        public let makesInventoriesStale: Bool
    }

    /// The roles that may take `step` (within the subtrees of their grants): data is submitted and
    /// a correction opened by those who change it; a submission is approved or returned by reviewers.
    public static func roles(for step: ReviewStep) -> Set<Role> {
        switch step {
        case .submit, .correct: [.reporter, .manager, .admin]
        case .approve, .return: [.reviewer, .admin]
        }
    }

    /// Whether `step` may be taken on a period in `current` by `taker`, and what it leads to.
    /// - Parameter submitter: who submitted the period's current version, if anyone has (read only
    ///   for the steps that review a submission).
    /// - Throws: `ReviewRefusal` naming why not.
    public static func decide(
        _ step: ReviewStep, on current: State, by taker: Taker, submittedBy submitter: Taker?, reason: String?
    ) throws(ReviewRefusal) -> Decision {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines)
        if step.needsReason, reason?.isEmpty ?? true { throw .reasonRequired }
        let (from, to) = step.transition
        guard from.contains(current.status) else { throw .wrongState(current.status, step: step) }
        // Four eyes: nobody reviews their own submission.
        if step.reviewsASubmission, let submitter, submitter.isSamePerson(as: taker) {
            throw .ownSubmission
        }
        // A correction's submission is the next version; every other step keeps the version.
        let version = current.status == .correcting && step == .submit ? current.version + 1 : current.version
        return Decision(
            state: State(status: to, version: version), reason: reason,
            keepsSubmittedData: step == .submit, makesInventoriesStale: step == .approve || step == .correct)
    }
}
