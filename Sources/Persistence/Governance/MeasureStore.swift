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
        var issues: [InputIssue] = []
        func issue(_ field: String, _ problem: Problem) { issues.append(InputIssue(column: field, problem: problem)) }
        let title = new.title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let owner = new.ownerPerson?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        for (field, text, limit) in [("title", title, 300), ("owner_person", owner, 100)] {
            if text.isEmpty {
                issue(field, .missingValue)
            } else if text.count > limit {
                issue(field, .tooLong(limit: limit))
            }
        }
        let kind = MeasureKind(rawValue: new.kind ?? "measure")
        if kind == nil {
            issue("kind", .notOneOf(new.kind ?? "", allowed: MeasureKind.allCases.map(\.rawValue)))
        }
        let status = MeasureStatus(rawValue: new.status ?? "planned")
        if status == nil || !MeasureStatus.settable.contains(status!) {
            issue("status", .notOneOf(new.status ?? "", allowed: MeasureStatus.settable.map(\.rawValue)))
        }
        for (field, value) in [("start_date", new.startDate), ("deadline", new.deadline)]
        where value.flatMap(CalendarDay.parse) == nil {
            issue(field, .badPeriod(value ?? ""))
        }
        if let start = new.startDate, let end = new.deadline, CalendarDay.parse(start) != nil,
            CalendarDay.parse(end) != nil, end < start
        {
            issue("deadline", .badPeriod(end))
        }
        if let participants = new.participants, participants < 0 {
            issue("participants", .notPositive(String(participants)))
        }
        guard let unitID = new.unitId else {
            issue("unit_id", .missingValue)
            throw StoreError.invalid(issues)
        }
        guard issues.isEmpty, let kind, let status else { throw StoreError.invalid(issues) }
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
                    SQLBind(title), SQLBind(owner), SQLBind(new.startDate!), SQLBind(new.deadline!),
                    SQLBind(status.rawValue), BulkValue(new.participants.map(Int64.init)).bind,
                    SQLBind(try AuditActor.acting().name), SQLBind(now), SQLBind(now)
                ).returning("id").first()
            let id = try row!.decode(column: "id", as: Int64.self)
            try await AuditLog.append(
                AuditChange(
                    .measureAdded, subjectKind: "measure", subjectID: id, unitID: unitID,
                    year: Int(new.deadline!.prefix(4)),
                    after: AuditState([
                        "title": .text(title), "owner": .text(owner), "kind": .text(kind.rawValue),
                        "deadline": .text(new.deadline!), "status": .text(status.rawValue),
                    ])), in: db)
            return try await Self.find(id, in: db)
        }
    }

    /// Sets an item's status and/or adds a note (with evidence: a reference to a document).
    @discardableResult
    public func update(id: Int64, status: String?, note: String?, evidence: String?) async throws -> StoredMeasure {
        let set = try status.map { text -> MeasureStatus in
            guard let value = MeasureStatus(rawValue: text), MeasureStatus.settable.contains(value) else {
                throw StoreError.invalid([
                    InputIssue(
                        column: "status", problem: .notOneOf(text, allowed: MeasureStatus.settable.map(\.rawValue)))
                ])
            }
            return value
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = evidence?.trimmingCharacters(in: .whitespacesAndNewlines)
        if set == nil && (note ?? "").isEmpty {
            throw StoreError.invalid([InputIssue(column: "status", problem: .missingValue)])
        }
        let long = [("note", note, 4000), ("evidence", evidence, 1000)].filter { ($0.1?.count ?? 0) > $0.2 }
        if !long.isEmpty {
            throw StoreError.invalid(long.map { InputIssue(column: $0.0, problem: .tooLong(limit: $0.2)) })
        }
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
