import Accounting
import Hummingbird
import Persistence

/// What a route is about, so that one check before its handler can ask whether the account may see
/// it (or, for a change, change it). Every API route and page names its subject where its feature
/// declares it: a route cannot be declared without one.
enum RouteSubject: Sendable {
    /// The same for every account (the factor library, templates, the API's description), or the
    /// account's own (its tokens).
    case shared
    /// The unit `{id}` names.
    case unitInPath
    /// The unit `unit_id` in the query names (or the region `region` does).
    case unitInQuery
    case activityRecordInPath
    case economicRecordInPath
    /// A record `{id}` of the kind `{kind}` (activity or economic).
    case recordOfKindInPath
    /// The inventory `{id}`: its unit's subtree.
    case inventoryInPath
    /// The region `{code}`: a roll-up of every unit there.
    case regionInPath
    /// The target `{id}`: its unit's subtree or its region.
    case targetInPath
    /// The measure `{id}`: its unit's subtree.
    case measureInPath
    /// The reduction project `{id}`: its unit's subtree.
    case projectInPath
    /// The product model `{id}`: its unit's subtree.
    case footprintModelInPath
    /// An issued report's id (`/reports/{id}`): the unit it was issued for.
    case issuedReportInPath
    /// The handler narrows what it lists to the account's scope, or checks the units its body names.
    case narrowedByHandler
}

/// Answers whether a request's subject lies in the account's scope: its reading scope for a look,
/// its changing scope (grants of roles that change data) for a change. An object that does not
/// exist passes, for the handler to answer 404 as it would anyway: out of scope and missing look the same.
struct Access: Sendable {
    let database: PeakZeroDatabase
    /// Where units sit, while the database is unchanged (nil on PostgreSQL).
    let placements: UnitPlacements?

    init(database: PeakZeroDatabase) {
        self.database = database
        placements = UnitPlacements(database: database)
    }

    /// Whether the scope holds the unit; a unit that does not exist is held by none but everything.
    private func scope(_ scope: AccessScope, holds unitID: Int64) async throws -> Bool {
        if scope.isEverything { return true }
        guard let placements else { return try await scope.contains(unitID: unitID, in: database) }
        guard let placement = try await placements.placement(of: unitID, in: database) else { return false }
        return scope.contains(placement)
    }

    func allows(_ subject: RouteSubject, _ request: Request, _ context: PeakZeroContext) async throws -> Bool {
        let scope = context.scope(for: request)
        if scope.isEverything { return true }
        func pathID(_ name: String = "id") -> Int64? { context.parameters.get(name).flatMap { Int64($0) } }
        switch subject {
        case .shared, .narrowedByHandler: return true
        case .unitInPath:
            guard let id = pathID() else { return true }
            return try await self.scope(scope, holds: id)
        case .unitInQuery:
            if let id = request.uri.queryParameters.get("unit_id").flatMap({ Int64($0) }) {
                return try await self.scope(scope, holds: id)
            }
            if let region = request.uri.queryParameters.get("region").flatMap({ RegionPrefix(String($0)) }) {
                return scope.covers(region)
            }
            return true
        case .activityRecordInPath:
            guard let id = pathID(), let record = try await ActivityStore(database).record(id: id) else { return true }
            return try await self.scope(scope, holds: record.unitId)
        case .economicRecordInPath:
            guard let id = pathID(), let record = try await EconomicStore(database).record(id: id) else { return true }
            return try await self.scope(scope, holds: record.unitId)
        case .recordOfKindInPath:
            let kind = context.parameters.get("kind").flatMap(RecordKind.init(rawValue:))
            return try await allows(kind == .economic ? .economicRecordInPath : .activityRecordInPath, request, context)
        case .inventoryInPath:
            guard let id = pathID(), let inventory = try? await InventoryStore(database).inventory(id: id) else {
                return true
            }
            return try await self.scope(scope, holds: inventory.unitId)
        case .regionInPath:
            guard let region = context.parameters.get("code").flatMap(RegionPrefix.init) else { return true }
            return scope.covers(region)
        case .targetInPath:
            guard let id = pathID(), let target = try? await TargetStore(database).target(id: id) else { return true }
            return try await TargetStore(database).isVisible(target, in: scope)
        case .measureInPath:
            guard let id = pathID(), let measure = try? await MeasureStore(database).measure(id: id) else {
                return true
            }
            return try await self.scope(scope, holds: measure.unitId)
        case .projectInPath:
            guard let id = pathID(), let project = try? await ProjectStore(database).project(id: id) else {
                return true
            }
            return try await self.scope(scope, holds: project.unitId)
        case .footprintModelInPath:
            guard let id = pathID(), let model = try? await FootprintModelStore(database).model(id: id) else {
                return true
            }
            return try await self.scope(scope, holds: model.unitId)
        case .issuedReportInPath:
            guard let id = pathID(), let report = try? await IssuedReportStore(database).report(id: id) else {
                return true
            }
            // A region's report is the region's: those who see the region see it.
            if let code = report.regionCode { return RegionPrefix(code).map { scope.covers($0) } ?? false }
            return try await self.scope(scope, holds: report.unitId)
        }
    }
}

extension PeakZeroContext {
    /// The scope that applies to this request: what the account may change for a change, else what
    /// it may see. Nothing on the public routes, which show nothing of any unit.
    func scope(for request: Request) -> AccessScope {
        [.get, .head, .options].contains(request.method) ? readScope : writeScope
    }
}
