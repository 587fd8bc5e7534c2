import Accounting
import Foundation
import Governance
import SQLKit

/// An item of a responsibility or measure list as kept, with its notes.
public struct StoredMeasure: Sendable, Equatable, Codable {
    public let id: Int64
    public let unitId: Int64
    public let targetId: Int64?
    public let kind: MeasureKind
    public let title: String
    public let ownerPerson: String
    public let startDate: String
    public let deadline: String
    /// The status its owner set; `status(on:)` reads it against the deadline.
    public let setStatus: MeasureStatus
    public let participants: Int?
    public let createdBy: String
    public let updatedAt: String
    public var notes: [StoredMeasureNote]

    public func status(on today: String) -> MeasureStatus {
        MeasureStatus.effective(setStatus, deadline: deadline, today: today)
    }
}

public struct StoredMeasureNote: Sendable, Equatable, Codable {
    public let id: Int64
    public let text: String
    public let evidence: String?
    public let author: String
    public let createdAt: String
}

/// What a new item says.
public struct NewMeasure: Sendable, Codable {
    public var unitId: Int64?
    public var targetId: Int64?
    public var kind: String?
    public var title: String?
    public var ownerPerson: String?
    public var startDate: String?
    public var deadline: String?
    public var status: String?
    public var participants: Int?

    public init(
        unitId: Int64?, targetId: Int64? = nil, kind: String? = nil, title: String?, ownerPerson: String?,
        startDate: String?, deadline: String?, status: String? = nil, participants: Int? = nil
    ) {
        self.unitId = unitId
        self.targetId = targetId
        self.kind = kind
        self.title = title
        self.ownerPerson = ownerPerson
        self.startDate = startDate
        self.deadline = deadline
        self.status = status
        self.participants = participants
    }
}

/// Responsibility and measure lists: items added to a unit, their status and notes changed,
/// listed for a subtree. Every change is audited.
public struct MeasureStore: Sendable {
    let database: PeakZeroDatabase

    public init(_ database: PeakZeroDatabase) { self.database = database }

    struct Row: Decodable {
        let id: Int64
        let unitId: Int64
        let targetId: Int64?
        let kind: String
        let title: String
        let ownerPerson: String
        let startDate: String
        let deadline: String
        let status: String
        let participants: Int?
        let createdBy: String
        let updatedAt: String

        var stored: StoredMeasure {
            StoredMeasure(
                id: id, unitId: unitId, targetId: targetId, kind: MeasureKind(rawValue: kind) ?? .measure,
                title: title, ownerPerson: ownerPerson, startDate: startDate, deadline: deadline,
                setStatus: MeasureStatus(rawValue: status) ?? .planned, participants: participants,
                createdBy: createdBy, updatedAt: updatedAt, notes: [])
        }
    }

    static let columns =
        "id, unit_id, target_id, kind, title, owner_person, start_date, deadline, status, participants, created_by, updated_at"

    /// Adds an item, every field checked (named in each issue).
    @discardableResult
    public func add(_ new: NewMeasure) async throws -> StoredMeasure {
        let draft: MeasureRules.Draft
        do {
            draft = try MeasureRules.draft(
                unitID: new.unitId, kind: new.kind, title: new.title, ownerPerson: new.ownerPerson,
                startDate: new.startDate, deadline: new.deadline, status: new.status, participants: new.participants)
        } catch { throw StoreError.invalid(error.issues) }
        let (unitID, title, owner, kind, status) = (
            draft.unitID, draft.title, draft.ownerPerson, draft.kind, draft.status
        )
        let now = Timestamp.now()
        return try await database.transaction { db in
            guard let unit = try await UnitStore.find(id: unitID, in: db) else {
                throw StoreError.notFound(kind: "unit", id: String(unitID))
            }
            if let target = new.targetId { _ = try await TargetStore.find(target, in: db) }
            let row = try await db.insert(into: "measures")
                .columns(
                    "unit_id", "root_id", "target_id", "kind", "title", "owner_person", "start_date", "deadline",
                    "status", "participants", "created_by", "created_at", "updated_at"
                )
                .values(
                    SQLBind(unitID), SQLBind(unit.rootId), BulkValue(new.targetId).bind, SQLBind(kind.rawValue),
                    SQLBind(title), SQLBind(owner), SQLBind(draft.startDate), SQLBind(draft.deadline),
                    SQLBind(status.rawValue), BulkValue(new.participants.map(Int64.init)).bind,
                    SQLBind(try AuditActor.acting().name), SQLBind(now), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .measureAdded, subjectKind: "measure", subjectID: id, unitID: unitID,
                    year: Int(draft.deadline.prefix(4)),
                    after: AuditState([
                        "title": .text(title), "owner": .text(owner), "kind": .text(kind.rawValue),
                        "deadline": .text(draft.deadline), "status": .text(status.rawValue),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    /// Sets an item's status and/or adds a note (with evidence: a reference to a document).
    @discardableResult
    public func update(id: Int64, status: String?, note: String?, evidence: String?) async throws -> StoredMeasure {
        let change: MeasureRules.Change
        do { change = try MeasureRules.change(status: status, note: note, evidence: evidence) } catch {
            throw StoreError.invalid(error.issues)
        }
        let (set, note, evidence) = (change.status, change.note, change.evidence)
        let now = Timestamp.now()
        return try await database.transaction { db in
            let before = try await Self.find(id, in: db)
            var after: [String: AuditState.Value] = [:]
            if let set {
                try await db.update("measures").set("status", to: SQLBind(set.rawValue))
                    .set("updated_at", to: SQLBind(now)).where("id", .equal, SQLBind(id)).run()
                after["status"] = .text(set.rawValue)
            }
            if let note, !note.isEmpty {
                try await db.insert(into: "measure_notes")
                    .columns("measure_id", "text", "evidence", "author", "created_at")
                    .values(
                        SQLBind(id), SQLBind(note), BulkValue(evidence?.isEmpty == false ? evidence : nil).bind,
                        SQLBind(try AuditActor.acting().name), SQLBind(now)
                    ).run()
                after["note"] = .text(note)
                if let evidence, !evidence.isEmpty { after["evidence"] = .text(evidence) }
            }
            try await AuditLog.append(
                AuditChange(
                    .measureChanged, subjectKind: "measure", subjectID: id, unitID: before.unitId,
                    before: AuditState(["status": .text(before.setStatus.rawValue)]), after: AuditState(after)),
                in: db)
            return try await Self.find(id, in: db)
        }
    }

    public func measure(id: Int64) async throws -> StoredMeasure { try await Self.find(id, in: database.sql) }

    /// The items of a unit's subtree, by deadline.
    public func list(under unitID: Int64) async throws -> [StoredMeasure] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let rows = try await database.sql.select().column(
            SQLRaw(
                Self.columns.split(separator: ",").map {
                    "m." + $0.trimmingCharacters(in: .whitespaces)
                }.joined(separator: ", "))
        ).from(SQLAlias(SQLIdentifier("measures"), as: SQLIdentifier("m")))
            .join(
                SQLAlias(SQLIdentifier("units"), as: SQLIdentifier("u")), method: SQLJoinMethod.inner,
                on: SQLRaw("u.id = m.unit_id")
            )
            .where(SQLColumn("root_id", table: "m"), .equal, SQLBind(anchor.rootID))
            .where(SQLColumn("path", table: "u"), .like, SQLBind(anchor.path + "%"))
            .orderBy(SQLColumn("deadline", table: "m")).orderBy(SQLColumn("id", table: "m"))
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        return try await withNotes(rows.map(\.stored))
    }

    /// The measures of a unit and of every unit above it (those its projects may carry out), by deadline.
    public func list(above unitID: Int64) async throws -> [StoredMeasure] {
        let anchor = try await UnitLookup.anchor(unitID, in: database.sql)
        let ids = Array(InventoryStaleness.ancestors(ofPaths: [anchor.path]))
        return try await database.sql.select().column(SQLRaw(Self.columns)).from("measures")
            .where("unit_id", .in, SQLBind.group(ids)).orderBy("deadline").orderBy("id")
            .all(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase).map(\.stored)
    }

    func withNotes(_ measures: [StoredMeasure]) async throws -> [StoredMeasure] {
        guard !measures.isEmpty else { return [] }
        var notes: [Int64: [StoredMeasureNote]] = [:]
        for batch in measures.map(\.id).chunked(by: 1_000) {
            for row in try await database.sql.select().columns(
                "id", "measure_id", "text", "evidence", "author", "created_at"
            )
            .from("measure_notes").where("measure_id", .in, SQLBind.group(Array(batch))).orderBy("id").all() {
                let note = StoredMeasureNote(
                    id: try row.decode(column: "id", as: Int64.self),
                    text: try row.decode(column: "text", as: String.self),
                    evidence: try row.decode(column: "evidence", as: String?.self),
                    author: try row.decode(column: "author", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: String.self))
                notes[try row.decode(column: "measure_id", as: Int64.self), default: []].append(note)
            }
        }
        return measures.map {
            var m = $0; m.notes = notes[m.id] ?? []; return m
        }
    }

    static func find(_ id: Int64, in db: any SQLDatabase) async throws -> StoredMeasure {
        guard
            let row = try await db.select().column(SQLRaw(columns)).from("measures").where("id", .equal, SQLBind(id))
                .first(decoding: Row.self, keyDecodingStrategy: .convertFromSnakeCase)
        else { throw StoreError.notFound(kind: "measure", id: String(id)) }
        var measure = row.stored
        measure.notes = try await db.select().columns("id", "text", "evidence", "author", "created_at")
            .from("measure_notes").where("measure_id", .equal, SQLBind(id)).orderBy("id")
            .all(decoding: StoredMeasureNote.self, keyDecodingStrategy: .convertFromSnakeCase)
        return measure
    }
}
