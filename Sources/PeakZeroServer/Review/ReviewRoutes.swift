import Hummingbird
import Persistence

extension ReviewAPI {
    /// The review API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<ReviewAPI>] = [
        APIEndpoint(
            .listPeriods, .get, "/api/v1/units/{id}/periods", subject: .unitInPath, change: .nothing,
            summary:
                "The submission status board of a unit's subtree for a `year`: each unit's periods (month, quarter or year by its reporting class) with their state, record count, due date and whether they are late",
            query: [("year", "required")], tag: "review", response: .json(ReviewBoard.self)
        ) { $0.board },
        APIEndpoint(
            .getPeriod, .get, "/api/v1/units/{id}/periods/{period}", subject: .unitInPath, change: .nothing,
            summary:
                "A unit's period (`2024-03`, `2024-Q1`, `2024`): its state and every review step, each submission with the data it handed in",
            tag: "review", response: .json(ReviewAPI.PeriodBody.self)
        ) { $0.period },
        APIEndpoint(
            .submitPeriod, .post, "/api/v1/units/{id}/periods/{period}/submit", subject: .unitInPath, change: .data,
            summary: "Submit a unit's period for review (reporters, managers, administrators); its data is locked",
            tag: "review", response: .json(ReviewAPI.PeriodBody.self)
        ) { handlers in { try await handlers.take(.submit, $0, $1) } },
        // Reviewers review in the scope of their reviewing grants, which the handler checks.
        APIEndpoint(
            .approvePeriod, .post, "/api/v1/units/{id}/periods/{period}/approve", subject: .narrowedByHandler,
            change: .review,
            summary: "Approve a submitted period (reviewers and administrators; not the submitter); it stays locked",
            tag: "review", response: .json(ReviewAPI.PeriodBody.self)
        ) { handlers in { try await handlers.take(.approve, $0, $1) } },
        APIEndpoint(
            .returnPeriod, .post, "/api/v1/units/{id}/periods/{period}/return", subject: .narrowedByHandler,
            change: .review,
            summary: "Return a submitted period to its reporter with a `reason` (JSON); it opens again", tag: "review", body: .json(ReviewAPI.Reason.self),
            response: .json(ReviewAPI.PeriodBody.self)
        ) { handlers in { try await handlers.take(.return, $0, $1) } },
        APIEndpoint(
            .correctPeriod, .post, "/api/v1/units/{id}/periods/{period}/correct", subject: .unitInPath, change: .data,
            summary:
                "Open a correction (更正) of an approved period with a `reason` (JSON); its next submission is a new version that needs approval again",
            tag: "review", body: .json(ReviewAPI.Reason.self), response: .json(ReviewAPI.PeriodBody.self)
        ) { handlers in { try await handlers.take(.correct, $0, $1) } },
        // Verifiers record findings in the scope of their verifying grants, which the handler checks.
        APIEndpoint(
            .recordFinding, .post, "/api/v1/units/{id}/periods/{period}/findings", subject: .narrowedByHandler,
            change: .findings,
            summary:
                "Record a verifier's finding (核查发现) on a unit's period: `text` (JSON); verifiers and administrators",
            success: .created, tag: "review", body: .json(ReviewAPI.Finding.self), response: .json(StoredFinding.self)
        ) { $0.recordFinding },
    ]
}

extension PageHandlers {
    /// The review pages: what each serves, what it is about and what it changes.
    static let reviewPages: [PageEndpoint] = [
        PageEndpoint(.reviewHome, .get, "/review", subject: .narrowedByHandler, change: .nothing) { $0.reviewHome },
        PageEndpoint(.periods, .get, "/units/{id}/periods", subject: .unitInPath, change: .nothing) { $0.reviewBoard },
        PageEndpoint(.period, .get, "/units/{id}/periods/{period}", subject: .unitInPath, change: .nothing) {
            $0.reviewPeriod
        },
        PageEndpoint(.periodSubmit, .post, "/units/{id}/periods/{period}/submit", subject: .unitInPath, change: .data) {
            handlers in { try await handlers.takeStep(.submit, $0, $1) }
        },
        PageEndpoint(
            .periodApprove, .post, "/units/{id}/periods/{period}/approve", subject: .narrowedByHandler, change: .review
        ) { handlers in { try await handlers.takeStep(.approve, $0, $1) } },
        PageEndpoint(
            .periodReturn, .post, "/units/{id}/periods/{period}/return", subject: .narrowedByHandler, change: .review
        ) { handlers in { try await handlers.takeStep(.return, $0, $1) } },
        PageEndpoint(.periodCorrect, .post, "/units/{id}/periods/{period}/correct", subject: .unitInPath, change: .data)
        { handlers in { try await handlers.takeStep(.correct, $0, $1) } },
        PageEndpoint(
            .periodFinding, .post, "/units/{id}/periods/{period}/findings", subject: .narrowedByHandler,
            change: .findings
        ) { $0.recordFinding },
    ]
}
