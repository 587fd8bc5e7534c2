import Accounting
import Foundation
import Governance
import Hummingbird
import Intake
import Persistence

/// What the targets API checks of a request: who sees a target, who may set it, and its fields.
extension TargetsAPI {
    /// The target `{id}` if the account sees its subject; else 404.
    func visible(_ request: Request, _ context: PeakZeroContext) async throws -> StoredTarget {
        let stored = try await TargetStore(database).target(id: try context.id())
        guard try await TargetStore(database).isVisible(stored, in: context.readScope) else {
            throw APIError.notFound(request.language.say(.noSuchTarget))
        }
        return stored
    }

    /// The target `{id}` if the account sets targets for its subject; else 404.
    func settable(_ request: Request, _ context: PeakZeroContext) async throws -> StoredTarget {
        let stored = try await TargetStore(database).target(id: try context.id())
        let scope = try await AccessScope.granted(
            RouteChange.setsTargets, to: try context.signedIn.account, in: database)
        guard try await TargetStore(database).isVisible(stored, in: scope) else {
            throw APIError.notFound(request.language.say(.noSuchTarget))
        }
        return stored
    }

    /// The subject a body names, if the account sets targets for it.
    static func subject(
        unitID: Int64?, region: String?, _ request: Request, _ context: PeakZeroContext, _ database: PeakZeroDatabase
    ) async throws -> TargetSubject {
        let language = request.language
        let scope = try await AccessScope.granted(
            RouteChange.setsTargets, to: try context.signedIn.account, in: database)
        if let unitID {
            guard try await scope.contains(unitID: unitID, in: database) else {
                throw APIError.notFound(language.say(.noSuchUnit))
            }
            return .unit(unitID)
        }
        guard let code = region else {
            throw APIError(
                status: .unprocessableContent, code: "invalid", message: language.say(.targetNeedsUnitOrRegion),
                issues: [
                    .init(
                        row: nil, field: "unit_id",
                        message: language.say(.unitOrRegionCodeRequired))
                ])
        }
        guard let prefix = RegionPrefix(code) else { throw badRegion(request.language) }
        guard scope.covers(prefix) else { throw APIError.notFound(language.say(.noSuchRegion)) }
        return .region(prefix)
    }

    static func target(_ definition: TargetDefinition, _ language: Language) throws -> Target {
        do {
            return try definition.target()
        } catch {
            throw APIError(
                status: .unprocessableContent, code: "invalid", message: error.message(language),
                issues: [.init(row: nil, field: error.field, message: error.message(language))])
        }
    }

    static func childIssue(_ index: Int, _ field: String, _ message: String) -> APIError {
        APIError(
            status: .unprocessableContent, code: "invalid", message: message,
            issues: [.init(row: index + 1, field: "children[\(index)].\(field)", message: message)])
    }

    static func badRegion(_ language: Language) -> APIError {
        APIError.badRequest(language.say(.badRegionCode))
    }
}
