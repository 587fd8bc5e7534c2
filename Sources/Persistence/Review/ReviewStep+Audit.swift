import Accounting

extension ReviewStep {
    /// What the audit trail calls the step.
    var auditAction: AuditAction {
        switch self {
        case .submit: .submitted
        case .approve: .approved
        case .return: .returned
        case .correct: .correctionOpened
        }
    }
}
