import Accounting
import Persistence

/// The exports of stored data, gathered once for the command line and the API alike.
extension Exports {
    /// Activity records of a unit's subtree, optionally of one year.
    public static func activity(
        in database: PeakZeroDatabase, under unitID: Int64, year: Int?, language: Language
    ) async throws -> [ExportTable] {
        activity(
            try await ActivityStore(database).list(under: unitID, year: year),
            unitCodes: try await codes(in: database, under: unitID), language: language)
    }

    /// The templates whose data belongs to units, and so exports by a unit's subtree (regional
    /// statistics belong to regions: `regional(in:region:language:)`).
    public enum SubtreeKind: String, Sendable, CaseIterable {
        case activity, economic, units, projects, ledger

        public var template: Templates.Kind {
            switch self {
            case .activity: .activity
            case .economic: .economic
            case .units: .units
            case .projects: .projects
            case .ledger: .ledger
            }
        }
    }

    /// The data of one kind of template for a unit's subtree: its activity records or economic
    /// records (optionally of one year), its units, its reduction projects or its ledger entries.
    public static func subtree(
        _ kind: SubtreeKind, in database: PeakZeroDatabase, under unitID: Int64, year: Int?, language: Language
    ) async throws -> [ExportTable] {
        switch kind {
        case .activity:
            return try await activity(in: database, under: unitID, year: year, language: language)
        case .economic:
            return economic(
                try await EconomicStore(database).list(under: unitID, year: year),
                unitCodes: try await codes(in: database, under: unitID), language: language)
        case .units:
            let store = UnitStore(database)
            // The export's route has checked that the unit is the asker's; its subtree goes whole.
            let units = try await store.list(under: unitID, scope: .everything)
            var codes = Dictionary(units.map { ($0.id, $0.code) }, uniquingKeysWith: { first, _ in first })
            if let parent = units.first?.parentID { codes[parent] = try await store.unit(id: parent).code }
            return Exports.units(units, parentCodes: codes, language: language)
        case .projects:
            return projects(try await ProjectStore(database).list(under: unitID), language: language)
        case .ledger:
            return ledger(try await AssetLedgerStore(database).entries(under: unitID), language: language)
        }
    }

    /// A stored inventory's lines.
    public static func inventory(in database: PeakZeroDatabase, id: Int64, language: Language) async throws
        -> [ExportTable]
    {
        let store = InventoryStore(database)
        let inventory = try await store.inventory(id: id)
        return Exports.inventory(
            inventory, lines: try await store.lines(inventoryID: id),
            unitCodes: try await codes(in: database, under: inventory.unitId), language: language)
    }

    /// The indicators of a unit (its children named by code and name) or a region.
    public static func indicators(
        in database: PeakZeroDatabase, subject: RollupSubject, year: Int, method: Scope2Method, language: Language
    ) async throws -> [ExportTable] {
        let rollup = try await RollupStore(database).rollup(subject, year: year)
        var names: [String: String] = [:]
        if case .unit(let id, _) = subject {
            for child in try await UnitStore(database).children(of: id) {
                names[String(child.id)] = "\(child.code) \(child.name)"
            }
        }
        return indicators(rollup, childNames: names, method: method, language: language)
    }

    static func codes(in database: PeakZeroDatabase, under unitID: Int64) async throws -> [Int64: String] {
        Dictionary(
            try await UnitStore(database).list(under: unitID, scope: .everything).map { ($0.id, $0.code) },
            uniquingKeysWith: { first, _ in first })
    }
}
