import Accounting
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// Responsibility and measure lists: read with the unit, added and updated by those who change
/// the unit's data (reporters, managers, administrators).
struct MeasuresAPI: Sendable {
    let database: PeakZeroDatabase
    /// The date in China, for this year, this month and today.
    let clock: ChinaClock

    struct MeasureBody: Codable {
        let measure: StoredMeasure
        let status: MeasureStatus
    }

    struct Update: Decodable {
        let status: String?
        let note: String?
        let evidence: String?
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        let today = clock.today
        let measures = try await MeasureStore(database).list(under: try context.id())
        return try jsonResponse(try Page(measures.map { MeasureBody(measure: $0, status: $0.status(on: today)) }, request))
    }

    func create(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let new = try await request.decodeJSON(NewMeasure.self, context: context)
        if let unit = new.unitId, !(try await context.writeScope.contains(unitID: unit, in: database)) {
            throw APIError.notFound(request.language.say(.noSuchUnit))
        }
        // A measure links only a target its author sees.
        if let id = new.targetId {
            let target = try? await TargetStore(database).target(id: id)
            guard let target, try await TargetStore(database).isVisible(target, in: context.readScope) else {
                throw APIError.notFound(request.language.say(.noSuchTarget))
            }
        }
        let stored = try await MeasureStore(database).add(new)
        return try jsonResponse(
            MeasureBody(measure: stored, status: stored.status(on: clock.today)), status: .created)
    }

    func update(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let update = try await request.decodeJSON(Update.self, context: context)
        let stored = try await MeasureStore(database).update(
            id: try context.id(), status: update.status, note: update.note, evidence: update.evidence)
        return try jsonResponse(MeasureBody(measure: stored, status: stored.status(on: clock.today)))
    }
}
