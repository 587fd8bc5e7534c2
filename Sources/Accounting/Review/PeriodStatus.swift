/// Where a unit's period stands. Data may change in a draft, a returned period and an open
/// correction; a submitted or approved period is locked.
public enum PeriodStatus: String, Sendable, Codable, CaseIterable {
    case draft, submitted, approved, returned, correcting

    public var isLocked: Bool { self == .submitted || self == .approved }
}

/// A step of the review. Which state it starts from and leads to, and who may take it, are
/// `ReviewWorkflow`'s rules.
public enum ReviewStep: String, Sendable, Codable, CaseIterable {
    case submit, approve, `return`, correct

    /// The states the step may start from, and the state it leads to.
    public var transition: (from: Set<PeriodStatus>, to: PeriodStatus) {
        switch self {
        case .submit: ([.draft, .returned, .correcting], .submitted)
        case .approve: ([.submitted], .approved)
        case .return: ([.submitted], .returned)
        case .correct: ([.approved], .correcting)
        }
    }

    /// Approving and returning review someone's submission: the four-eyes rule applies.
    public var reviewsASubmission: Bool { self == .approve || self == .return }

    /// Returning and correcting say why.
    public var needsReason: Bool { self == .return || self == .correct }
}

/// Why a step was refused.
public enum ReviewRefusal: Error, Sendable, Equatable {
    /// The period is not in a state the step starts from.
    case wrongState(PeriodStatus, step: ReviewStep)
    /// A reviewer approving or returning what they submitted themselves.
    case ownSubmission
    case reasonRequired
    /// A finding with no text, or more than 4,000 characters.
    case findingEmptyOrLong
    /// The period does not fit the unit's reporting class (a quarter of a monthly reporter).
    case notAPeriodOf(String, reportingClass: ReportingUnit.ReportingClass)

    public func message(_ language: Language) -> String {
        let zh = language == .zh
        switch self {
        case .wrongState(let status, let step):
            return Self.catalogue.text(
                .wrongState, language,
                ["status": zh ? status.chinese : status.rawValue, "step": zh ? step.chinese : step.pastTense])
        case .ownSubmission: return Self.catalogue.text(.ownSubmission, language)
        case .reasonRequired: return Self.catalogue.text(.reasonRequired, language)
        case .findingEmptyOrLong: return Self.catalogue.text(.findingEmptyOrLong, language)
        case .notAPeriodOf(let period, let reportingClass):
            return Self.catalogue.text(
                .notAPeriodOf, language,
                ["period": period, "class": zh ? reportingClass.chinese : reportingClass.rawValue])
        }
    }

    public enum Message: String, MessageKey {
        case wrongState, ownSubmission, reasonRequired, findingEmptyOrLong, notAPeriodOf
    }

    public static let catalogue = Catalogue<Message>(
        zh: [
            .wrongState: "该期间当前为“{status}”，不能{step}",
            .ownSubmission: "不能审核自己报送的数据，请由其他审核人处理",
            .reasonRequired: "请填写原因",
            .findingEmptyOrLong: "请填写核查发现（不超过 4000 字）",
            .notAPeriodOf: "{period} 不是该单位的报送期（报送频次：{class}）",
        ],
        en: [
            .wrongState: "the period is {status}; it cannot be {step}",
            .ownSubmission: "you submitted this period; another reviewer must review it",
            .reasonRequired: "give a reason",
            .findingEmptyOrLong: "write the finding (at most 4,000 characters)",
            .notAPeriodOf: "{period} is not a reporting period of this unit (it reports {class})",
        ])
}

extension PeriodStatus {
    public var chinese: String {
        switch self {
        case .draft: "未报送"
        case .submitted: "待审核"
        case .approved: "已通过"
        case .returned: "已退回"
        case .correcting: "更正中"
        }
    }
}

extension ReviewStep {
    public var chinese: String {
        switch self {
        case .submit: "报送"
        case .approve: "审核通过"
        case .return: "退回"
        case .correct: "发起更正"
        }
    }

    public var pastTense: String {
        switch self {
        case .submit: "submitted"
        case .approve: "approved"
        case .return: "returned"
        case .correct: "reopened for correction"
        }
    }
}

extension ReportingUnit.ReportingClass {
    public var chinese: String {
        switch self {
        case .monthly: "月报"
        case .quarterly: "季报"
        case .yearly: "年报"
        }
    }
}
