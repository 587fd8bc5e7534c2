import Foundation
import Intake

/// Imports of large files, run in the background so the upload's request returns at once; their
/// state is polled at `/api/v1/imports/{id}`. Kept in memory: a restart forgets finished jobs, and
/// an import cut off by one has written nothing (it commits in one transaction at its end).
actor ImportJobs {
    enum State: String, Codable, Sendable, CaseIterable {
        case running, done, failed
    }

    struct Job: Sendable {
        let id: String
        let file: String
        /// The account that started it: only it (or an administrator) sees the job.
        let owner: Int64
        var state: State = .running
        var report: ImportReport?
        var failure: String?
        var progress: ImportProgress?
    }

    private var jobs: [String: Job] = [:]
    /// Where each job's duration and outcome are counted.
    let metrics: ServerMetrics?

    init(metrics: ServerMetrics? = nil) { self.metrics = metrics }

    /// Starts `work`, which reports its progress through the function it is given.
    func start(
        file: String, owner: Int64,
        _ work: @escaping @Sendable (@escaping @Sendable (ImportProgress) -> Void) async throws -> ImportReport
    ) -> String {
        let id = UUID().uuidString.lowercased()
        jobs[id] = Job(id: id, file: file, owner: owner)
        let clock = ContinuousClock()
        let started = clock.now
        // At the ordinary priority: the request that started it ran high (it changes data, see
        // `QueryLaneMiddleware`), but a job of minutes must not keep every read waiting.
        Task(priority: .medium) {
            do {
                let report = try await work { progress in Task { await self.update(id, progress) } }
                self.finish(id, report: report)
            } catch {
                self.fail(id, error)
            }
            let outcome = self.jobs[id]?.state == .done ? "done" : "failed"
            self.metrics?.importEnded(outcome: outcome, after: clock.now - started)
        }
        return id
    }

    func job(_ id: String) -> Job? { jobs[id] }

    private func update(_ id: String, _ progress: ImportProgress) {
        if jobs[id]?.state == .running { jobs[id]?.progress = progress }
    }

    private func finish(_ id: String, report: ImportReport) {
        jobs[id]?.state = report.succeeded ? .done : .failed
        jobs[id]?.report = report
    }

    private func fail(_ id: String, _ error: any Error) {
        jobs[id]?.state = .failed
        jobs[id]?.failure = String(describing: error)
    }
}
