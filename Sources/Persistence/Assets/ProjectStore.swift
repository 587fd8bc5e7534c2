import Accounting
import Assets
import Foundation
import SQLKit

/// Reduction projects: saved to a unit (a new code adds one, a known code replaces it), moved from
/// stage to stage, verified year by year, listed for a subtree. A project is kept only when its
/// savings can be computed from the factor library, so a list never holds a project without figures.
/// Every change is audited.
public struct ProjectStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64
        let unitCode: String
        let regionCode: String
        let code: String
        let name: String
        let type: String
        let stage: String
        let firstYear: Int
        let lifetimeYears: Int
        let capex: Double
        let yearlyOpex: Double
        let yearlyBenefit: Double
        let savings: String
        let interactsWith: String
        let targetId: Int64?
        let measureId: Int64?
        let createdBy: String
        let updatedAt: String

        var stored: StoredProject {
            StoredProject(
                id: id, unitId: unitId, unitCode: unitCode, regionCode: regionCode, code: code, name: name,
                type: ProjectType(rawValue: type) ?? .other, stage: ProjectStage(rawValue: stage) ?? .planned,
                firstYear: firstYear, lifetimeYears: lifetimeYears, capex: capex, yearlyOpex: yearlyOpex,
                yearlyBenefit: yearlyBenefit,
                savings: ProjectJSON.decode([ProjectDraft.SavingDraft].self, savings) ?? [],
                interactsWith: ProjectJSON.decode([String].self, interactsWith) ?? [], targetId: targetId,
                measureId: measureId, createdBy: createdBy, updatedAt: updatedAt)
        }
    }

    static let columns = """
        p.id, p.unit_id, u.code AS unit_code, u.region_code, p.code, p.name, p.type, p.stage, p.first_year, \
        p.lifetime_years, p.capex, p.yearly_opex, p.yearly_benefit, p.savings, p.interacts_with, p.target_id, \
        p.measure_id, p.created_by, p.updated_at
        """

    static func select(_ db: any SQLDatabase) -> SQLSelectBuilder {
        db.select().column(SQLRaw(columns))
            .from(SQLAlias(SQLIdentifier("reduction_projects"), as: SQLIdentifier("p")))
            .join(SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner, on: SQLRaw("u.id = p.unit_id"))
    }

    /// Saves the draft as the project of its code in the unit: checked whole (every problem named by
    /// its field), its savings computed once from `library` to prove they can be, then kept.
    @discardableResult
    public func save(unitID: Int64, _ draft: ProjectDraft, library: FactorLibrary) async throws -> StoredProject {
        try await database.transaction { db in
            try await Self.find(Self.save(unitID: unitID, draft, library: library, in: db), in: db)
        }
    }

    /// Projects from a file, each checked as `save` checks one and saved in order in one
    /// transaction; a project may interact with another of the file in the same unit. Kept whole
    /// when every project passes and `keep` is set, otherwise rolled back (a dry run, or the check
    /// before writing). The refused projects' problems, by their position in `projects`.
    public func saveAll(
        _ projects: [(unitID: Int64, draft: ProjectDraft)], library: FactorLibrary, keep: Bool,
        provenance: RecordBatch?
    ) async throws -> [Int: ProjectProblems] {
        var codes: [Int64: Set<String>] = [:]
        for project in projects { codes[project.unitID, default: []].insert((project.draft.code ?? "").trimmed) }
        let fileCodes = codes
        return try await database.transaction(committingIf: { problems in keep && problems.isEmpty }) { db in
            if let provenance { _ = try await provenance.insert(count: projects.count, in: db) }
            var problems: [Int: ProjectProblems] = [:]
            for (position, project) in projects.enumerated() {
                do {
                    _ = try await Self.save(
                        unitID: project.unitID, project.draft, library: library,
                        alsoKnown: fileCodes[project.unitID] ?? [], in: db)
                } catch let refused as ProjectProblems {
                    problems[position] = refused
                }
            }
            return problems
        }
    }

    /// Checks and keeps one project inside the caller's transaction; its id. Interactions may name
    /// stored projects of the unit or `alsoKnown` codes (projects saved in the same batch).
    static func save(
        unitID: Int64, _ draft: ProjectDraft, library: FactorLibrary, alsoKnown: Set<String> = [],
        in db: any SQLDatabase
    ) async throws -> Int64 {
        let unit = try await UnitLookup.anchor(unitID, in: db)
        guard let region = RegionCode(unit.regionCode) else {
            throw StoreError.conflict("unit \(unit.code) has no valid region code")
        }
        let project = try draft.project(unitCode: unit.code, region: region).get()
        _ = try ProjectSavingsCalculator(library: library).savings(of: project)
        let existing = try await Self.select(db).where(SQLColumn("unit_id", table: "p"), .equal, SQLBind(unitID))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
        let known = Set(existing.map(\.code)).union(alsoKnown)
        var problems: [ProjectProblem] = []
        // (A project naming itself was refused by the draft's own checks.)
        for (index, other) in project.interactsWith.enumerated() where !known.contains(other) {
            problems.append(
                ProjectProblem(field: "interacts_with[\(index + 1)]", kind: .unknownInteraction, arguments: ["code": other]))
        }
        let before = existing.first { $0.code == project.code }
        if let before, before.stage != project.stage, !before.stage.canMove(to: project.stage) {
            problems.append(Self.stageProblem(from: before.stage, to: project.stage))
        }
        if let measureID = draft.measureId, !(try await Self.measureFits(measureID, unitPath: unit.path, in: db)) {
            problems.append(ProjectProblem(field: "measure_id", kind: .unknownMeasure, arguments: ["id": "\(measureID)"]))
        }
        guard problems.isEmpty else { throw ProjectProblems(problems) }
        if let target = draft.targetId { _ = try await TargetStore.find(target, in: db) }

        let now = Timestamp.now()
        let actor = try AuditActor.acting().name
        let id: Int64
        if let before {
            try await db.update("reduction_projects")
                .set("name", to: SQLBind(project.name)).set("type", to: SQLBind(project.type.rawValue))
                .set("stage", to: SQLBind(project.stage.rawValue)).set("first_year", to: SQLBind(project.firstYear))
                .set("lifetime_years", to: SQLBind(project.lifetimeYears))
                .set("capex", to: SQLBind(project.capex.baseValue))
                .set("yearly_opex", to: SQLBind(project.yearlyOpex.baseValue))
                .set("yearly_benefit", to: SQLBind(project.yearlyBenefit.baseValue))
                .set("savings", to: SQLBind(ProjectJSON.encode(draft.savings ?? [])))
                .set("interacts_with", to: SQLBind(ProjectJSON.encode(project.interactsWith)))
                .set("target_id", to: BulkValue(draft.targetId).bind).set("measure_id", to: BulkValue(draft.measureId).bind)
                .set("updated_at", to: SQLBind(now))
                .where("id", .equal, SQLBind(before.id)).run()
            id = before.id
        } else {
            let row = try await db.insert(into: "reduction_projects")
                .columns(
                    "unit_id", "root_id", "code", "name", "type", "stage", "first_year", "lifetime_years", "capex",
                    "yearly_opex", "yearly_benefit", "savings", "interacts_with", "target_id", "measure_id", "created_by",
                    "created_at", "updated_at"
                )
                .values(
                    SQLBind(unitID), SQLBind(unit.rootID), SQLBind(project.code), SQLBind(project.name),
                    SQLBind(project.type.rawValue), SQLBind(project.stage.rawValue), SQLBind(project.firstYear),
                    SQLBind(project.lifetimeYears), SQLBind(project.capex.baseValue),
                    SQLBind(project.yearlyOpex.baseValue), SQLBind(project.yearlyBenefit.baseValue),
                    SQLBind(ProjectJSON.encode(draft.savings ?? [])), SQLBind(ProjectJSON.encode(project.interactsWith)),
                    BulkValue(draft.targetId).bind, BulkValue(draft.measureId).bind, SQLBind(actor), SQLBind(now),
                    SQLBind(now)
                ).returning("id").first()
            id = try row!.decode(column: "id", as: Int64.self)
        }
        let beforeState = before == nil ? nil : AuditState(["project": .text(ProjectJSON.encode(before!.draft))])
        try await AuditLog.append(
            AuditChange(
                .projectSaved, subjectKind: "reduction_project", subjectID: id, unitID: unitID, year: project.firstYear,
                before: beforeState, after: AuditState(["project": .text(ProjectJSON.encode(draft))])),
            in: db)
        return id
    }

    /// Moves a project to `stage`: one stage forward, or closed.
    @discardableResult
    public func setStage(id: Int64, to text: String) async throws -> StoredProject {
        guard let stage = ProjectStage(rawValue: text.trimmed) else {
            throw ProjectProblems([
                ProjectProblem(
                    field: "stage", kind: .notOneOf,
                    arguments: ["allowed": ProjectStage.allCases.map(\.rawValue).joined(separator: ", ")])
            ])
        }
        return try await database.transaction { db in
            let before = try await Self.find(id, in: db)
            guard before.stage.canMove(to: stage) else { throw ProjectProblems([Self.stageProblem(from: before.stage, to: stage)]) }
            try await db.update("reduction_projects").set("stage", to: SQLBind(stage.rawValue))
                .set("updated_at", to: SQLBind(Timestamp.now())).where("id", .equal, SQLBind(id)).run()
            try await AuditLog.append(
                AuditChange(
                    .projectStageChanged, subjectKind: "reduction_project", subjectID: id, unitID: before.unitId,
                    before: AuditState(["stage": .text(before.stage.rawValue)]),
                    after: AuditState(["stage": .text(stage.rawValue)])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    static func stageProblem(from: ProjectStage, to: ProjectStage) -> ProjectProblem {
        ProjectProblem(field: "stage", kind: .stageMove, arguments: ["from": from.rawValue, "to": to.rawValue])
    }

    /// Records what was measured for a year (M&V). The measured savings must be computable too.
    @discardableResult
    public func verify(id: Int64, _ new: NewVerification, library: FactorLibrary) async throws -> StoredVerification {
        try await database.transaction { db in
            let stored = try await Self.find(id, in: db)
            var problems: [ProjectProblem] = []
            let option = new.option.flatMap { VerificationOption(rawValue: $0.trimmed.uppercased()) }
            if option == nil {
                problems.append(ProjectProblem(field: "option", kind: .notOneOf, arguments: ["allowed": "A, B, C, D"]))
            }
            if (new.baseline ?? "").trimmed.isEmpty { problems.append(ProjectProblem(field: "baseline", kind: .missing)) }
            let year = new.year ?? 0
            if !(1990...2100).contains(year) { problems.append(ProjectProblem(field: "year", kind: .year)) }
            let productProblems = new.productUnit?.problems ?? []
            problems += productProblems
            if new.productUnit != nil, !(new.savings ?? []).isEmpty {
                problems.append(ProjectProblem(field: "savings", kind: .savingsTwice))
            }
            var measured = stored.draft
            measured.savings = new.measuredSavings
            // A product method with bad figures has no saving to compute; its own problems say why.
            if productProblems.isEmpty, let region = RegionCode(stored.regionCode) {
                switch measured.project(unitCode: stored.unitCode, region: region) {
                case .success(let project):
                    do { _ = try ProjectSavingsCalculator(library: library).savings(of: project, year: year) } catch let error
                        as ProjectProblems
                    { problems += error.problems }
                case .failure(let failure): problems += failure.problems
                }
            }
            guard problems.isEmpty, let option else { throw ProjectProblems(problems) }
            let now = Timestamp.now()
            let row = try await db.insert(into: "project_verifications")
                .columns(
                    "project_id", "year", "option", "baseline", "adjustments", "savings", "product_unit", "created_by",
                    "created_at"
                )
                .values(
                    SQLBind(id), SQLBind(year), SQLBind(option.rawValue), SQLBind(new.baseline!.trimmed),
                    SQLBind((new.adjustments ?? "").trimmed), SQLBind(ProjectJSON.encode(new.measuredSavings ?? [])),
                    SQLBind(new.productUnit.map(ProjectJSON.encode) ?? ""), SQLBind(try AuditActor.acting().name),
                    SQLBind(now)
                ).returning("id").first()
            let verificationID = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .projectVerified, subjectKind: "reduction_project", subjectID: id, unitID: stored.unitId, year: year,
                    after: AuditState([
                        "verification": .int(verificationID), "option": .text(option.rawValue),
                        "savings": .text(ProjectJSON.encode(new.measuredSavings ?? [])),
                        "product_unit": .text(new.productUnit.map(ProjectJSON.encode) ?? ""),
                    ])), in: db)
            return try await Self.verifications(of: [id], in: db)[id]!.first { $0.id == verificationID }!
        }
    }

    public func project(id: Int64) async throws -> StoredProject { try await Self.find(id, in: database.sql) }

    /// A unit's own project by its code, if it has one.
    public func project(unitID: Int64, code: String) async throws -> StoredProject? {
        try await Self.select(database.sql).where(SQLColumn("unit_id", table: "p"), .equal, SQLBind(unitID))
            .where(SQLColumn("code", table: "p"), .equal, SQLBind(code))
            .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)?.stored
    }

    /// The ids of the stored projects of the units given, by unit and code.
    public func storedIDs(unitIDs: Set<Int64>) async throws -> [Int64: [String: Int64]] {
        var ids: [Int64: [String: Int64]] = [:]
        for batch in Array(unitIDs).chunked(by: 10_000) where !batch.isEmpty {
            let rows = try await database.sql.select().columns("id", "unit_id", "code").from("reduction_projects")
                .where("unit_id", .in, SQLBind.group(Array(batch))).all()
            for row in rows {
                ids[try row.decode(column: "unit_id", as: Int64.self), default: [:]][
                    try row.decode(column: "code", as: String.self)] = try row.decode(column: "id", as: Int64.self)
            }
        }
        return ids
    }

    /// The projects of a unit's subtree, by unit then code.
    public func list(under unitID: Int64) async throws -> [StoredProject] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        return try await Self.select(database.sql)
            .where(SQLColumn("root_id", table: "p"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .orderBy(SQLColumn("code", table: "u")).orderBy(SQLColumn("code", table: "p"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
    }

    /// Whether a measure is on the list of the unit on `unitPath` or of a unit above it.
    static func measureFits(_ measureID: Int64, unitPath: String, in db: any SQLDatabase) async throws -> Bool {
        guard
            let row = try await db.select().column("unit_id").from("measures").where("id", .equal, SQLBind(measureID))
                .first()
        else { return false }
        return unitPath.contains("/\(try row.decode(column: "unit_id", as: Int64.self))/")
    }

    /// The projects carrying out each of the measures given, by unit then code.
    public func carryingOut(measures ids: [Int64]) async throws -> [Int64: [StoredProject]] {
        guard !ids.isEmpty else { return [:] }
        let projects = try await Self.select(database.sql)
            .where(SQLColumn("measure_id", table: "p"), .in, SQLBind.group(ids))
            .orderBy(SQLColumn("code", table: "u")).orderBy(SQLColumn("code", table: "p"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
        return Dictionary(grouping: projects) { $0.measureId! }
    }

    /// The projects linked to a target, by unit then code.
    public func linked(toTarget targetID: Int64) async throws -> [StoredProject] {
        try await Self.select(database.sql).where(SQLColumn("target_id", table: "p"), .equal, SQLBind(targetID))
            .orderBy(SQLColumn("code", table: "u")).orderBy(SQLColumn("code", table: "p"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
    }

    /// The M&V records of the projects, oldest first.
    public func verifications(of projectIDs: [Int64]) async throws -> [Int64: [StoredVerification]] {
        try await Self.verifications(of: projectIDs, in: database.sql)
    }

    static func verifications(of projectIDs: [Int64], in db: any SQLDatabase) async throws -> [Int64: [StoredVerification]] {
        var result: [Int64: [StoredVerification]] = [:]
        for batch in projectIDs.chunked(by: 1_000) where !batch.isEmpty {
            for row in try await db.select().columns(
                "id", "project_id", "year", "option", "baseline", "adjustments", "savings", "product_unit", "created_by",
                "created_at"
            ).from("project_verifications").where("project_id", .in, SQLBind.group(Array(batch))).orderBy("id").all() {
                let verification = StoredVerification(
                    id: try row.decode(column: "id", as: Int64.self),
                    projectId: try row.decode(column: "project_id", as: Int64.self),
                    year: try row.decode(column: "year", as: Int.self),
                    option: VerificationOption(rawValue: try row.decode(column: "option", as: String.self)) ?? .a,
                    baseline: try row.decode(column: "baseline", as: String.self),
                    adjustments: try row.decode(column: "adjustments", as: String.self),
                    savings: ProjectJSON.decode(
                        [ProjectDraft.SavingDraft].self, try row.decode(column: "savings", as: String.self)) ?? [],
                    productUnit: ProjectJSON.decode(
                        ProductUnitSavings.self, try row.decode(column: "product_unit", as: String.self)),
                    createdBy: try row.decode(column: "created_by", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: String.self))
                result[verification.projectId, default: []].append(verification)
            }
        }
        return result
    }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> StoredProject {
        guard
            let row = try await select(db).where(SQLColumn("id", table: "p"), .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw StoreError.notFound(kind: "project", id: String(id)) }
        return row.stored
    }
}
