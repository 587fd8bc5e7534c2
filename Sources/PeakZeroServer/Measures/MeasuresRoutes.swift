import Hummingbird
import Persistence

extension MeasuresAPI {
    /// The measures API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<MeasuresAPI>] = [
        APIEndpoint(
            .listMeasures, .get, "/api/v1/units/{id}/measures", subject: .unitInPath, change: .nothing,
            summary:
                "The responsibility and measure list (责任清单、措施清单) of a unit's subtree, by deadline, with notes and each item's status (overdue when past its deadline)",
            tag: "measures", response: .page(MeasuresAPI.MeasureBody.self)
        ) { $0.list },
        // The handler checks the unit its body names.
        APIEndpoint(
            .createMeasure, .post, "/api/v1/measures", subject: .narrowedByHandler, change: .data,
            summary:
                "Add an item: `unit_id`, `title`, `owner_person`, `start_date`, `deadline` (yyyy-MM-dd), `kind` (measure, responsibility, training, campaign), `status`, `target_id`, `participants`",
            success: .created, tag: "measures", body: .json(NewMeasure.self), response: .json(MeasuresAPI.MeasureBody.self)
        ) { $0.create },
        APIEndpoint(
            .updateMeasure, .post, "/api/v1/measures/{id}", subject: .measureInPath, change: .data,
            summary: "Set an item's `status` (planned, in_progress, done) and/or add a `note` with `evidence`",
            tag: "measures", body: .json(MeasuresAPI.Update.self), response: .json(MeasuresAPI.MeasureBody.self)
        ) { $0.update },
    ]
}

extension PageHandlers {
    /// The measures pages: what each serves, what it is about and what it changes.
    static let measuresPages: [PageEndpoint] = [
        PageEndpoint(.measures, .get, "/units/{id}/measures", subject: .unitInPath, change: .nothing) {
            $0.measuresPage
        },
        PageEndpoint(.measureCreate, .post, "/units/{id}/measures", subject: .unitInPath, change: .data) {
            $0.createMeasure
        },
        PageEndpoint(.measureUpdate, .post, "/measures/{id}", subject: .measureInPath, change: .data) {
            $0.updateMeasure
        },
    ]
}
