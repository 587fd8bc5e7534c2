import Hummingbird
import Persistence

extension RecordsAPI {
    /// The records API routes: what each serves, what it is about and what it changes.
    static let endpoints: [APIEndpoint<RecordsAPI>] = [
        APIEndpoint(
            .listActivity, .get, "/api/v1/units/{id}/activity-records", subject: .unitInPath, change: .nothing,
            summary: "Activity records of a unit's subtree, optionally of one `year`",
            query: [("year", "only this year")], tag: "data", response: .page(StoredActivityRecord.self)
        ) { $0.listActivity },
        APIEndpoint(
            .createActivity, .post, "/api/v1/activity-records", subject: .narrowedByHandler, change: .data,
            summary: "Add one activity record or a batch; validated like the CSV template; all or nothing",
            success: .created, tag: "data", body: .json(NewActivityRecord.self, batch: true), response: .json(RecordsAPI.Created.self)
        ) { $0.createActivity },
        APIEndpoint(
            .deleteActivity, .delete, "/api/v1/activity-records/{id}", subject: .activityRecordInPath, change: .data,
            summary: "Delete an activity record", success: .noContent, tag: "data"
        ) { $0.deleteActivity },
        APIEndpoint(
            .listEconomic, .get, "/api/v1/units/{id}/economic-records", subject: .unitInPath, change: .nothing,
            summary: "Economic records of a unit's subtree, optionally of one `year`",
            query: [("year", "only this year")], tag: "data", response: .page(StoredEconomicRecord.self)
        ) { $0.listEconomic },
        APIEndpoint(
            .createEconomic, .post, "/api/v1/economic-records", subject: .narrowedByHandler, change: .data,
            summary: "Add one economic record or a batch; all or nothing", success: .created, tag: "data", body: .json(NewEconomicRecord.self, batch: true), response: .json(RecordsAPI.Created.self)
        ) { $0.createEconomic },
        APIEndpoint(
            .deleteEconomic, .delete, "/api/v1/economic-records/{id}", subject: .economicRecordInPath, change: .data,
            summary: "Delete an economic record", success: .noContent, tag: "data"
        ) { $0.deleteEconomic },
    ]
}

extension PageHandlers {
    /// The records pages: what each serves, what it is about and what it changes.
    static let recordsPages: [PageEndpoint] = [
        PageEndpoint(.records, .get, "/units/{id}/records", subject: .unitInPath, change: .nothing) { $0.records },
        PageEndpoint(.recordNew, .get, "/data/{kind}/new", subject: .narrowedByHandler, change: .nothing) {
            $0.newRecord
        },
        PageEndpoint(.recordEdit, .get, "/data/{kind}/{id}/edit", subject: .recordOfKindInPath, change: .nothing) {
            $0.editRecord
        },
        PageEndpoint(.recordCreate, .post, "/data/{kind}", subject: .narrowedByHandler, change: .data) {
            $0.saveRecord
        },
        PageEndpoint(.recordUpdate, .post, "/data/{kind}/{id}", subject: .recordOfKindInPath, change: .data) {
            $0.saveRecord
        },
        PageEndpoint(.recordDelete, .post, "/data/{kind}/{id}/delete", subject: .recordOfKindInPath, change: .data) {
            $0.deleteRecord
        },
    ]
}
