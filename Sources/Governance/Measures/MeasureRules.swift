import Accounting
import Foundation

/// What a responsibility or measure list accepts, decided without a database: a new item's fields
/// and a change to an item. The store checks with these, then saves.
public enum MeasureRules {
    /// A new item as checked.
    public struct Draft: Sendable, Equatable {
        public let unitID: Int64
        public let kind: MeasureKind
        public let title: String
        public let ownerPerson: String
        public let startDate: String
        public let deadline: String
        public let status: MeasureStatus
        public let participants: Int?
    }

    /// A title of at most 300 characters and an owner of at most 100 (PeakZero's limits, so a list
    /// stays readable and printable); a kind, a settable status, two calendar days in order, and no
    /// negative head count.
    /// - Throws: every problem at once, each naming its field as the API spells it.
    public static func draft(
        unitID: Int64?, kind: String?, title: String?, ownerPerson: String?, startDate: String?, deadline: String?,
        status: String?, participants: Int?
    ) throws(MeasureRefusal) -> Draft {
        var issues: [InputIssue] = []
        func issue(_ field: String, _ problem: Problem) { issues.append(InputIssue(column: field, problem: problem)) }
        let title = title?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let owner = ownerPerson?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        for (field, text, limit) in [("title", title, 300), ("owner_person", owner, 100)] {
            if text.isEmpty {
                issue(field, .missingValue)
            } else if text.count > limit {
                issue(field, .tooLong(limit: limit))
            }
        }
        let parsedKind = MeasureKind(rawValue: kind ?? "measure")
        if parsedKind == nil { issue("kind", .notOneOf(kind ?? "", allowed: MeasureKind.allCases.map(\.rawValue))) }
        let parsedStatus = MeasureStatus(rawValue: status ?? "planned").flatMap {
            MeasureStatus.settable.contains($0) ? $0 : nil
        }
        if parsedStatus == nil {
            issue("status", .notOneOf(status ?? "", allowed: MeasureStatus.settable.map(\.rawValue)))
        }
        for (field, value) in [("start_date", startDate), ("deadline", deadline)]
        where value.flatMap(DayText.parse) == nil {
            issue(field, .badPeriod(value ?? ""))
        }
        if let start = startDate, let end = deadline, DayText.parse(start) != nil, DayText.parse(end) != nil,
            end < start
        {
            issue("deadline", .badPeriod(end))
        }
        if let participants, participants < 0 { issue("participants", .notPositive(String(participants))) }
        if unitID == nil { issue("unit_id", .missingValue) }
        guard issues.isEmpty, let unitID, let parsedKind, let parsedStatus, let startDate, let deadline else {
            throw MeasureRefusal(issues: issues)
        }
        return Draft(
            unitID: unitID, kind: parsedKind, title: title, ownerPerson: owner, startDate: startDate,
            deadline: deadline, status: parsedStatus, participants: participants)
    }

    /// A change to an item as checked: a new status, a note with its evidence, or both.
    public struct Change: Sendable, Equatable {
        public let status: MeasureStatus?
        /// The note, trimmed; nil when none was written.
        public let note: String?
        public let evidence: String?
    }

    /// A settable status and/or a note of at most 4,000 characters with evidence of at most 1,000.
    /// - Throws: the problems, each naming its field.
    public static func change(status: String?, note: String?, evidence: String?) throws(MeasureRefusal) -> Change {
        var set: MeasureStatus?
        if let status {
            guard let value = MeasureStatus(rawValue: status), MeasureStatus.settable.contains(value) else {
                throw MeasureRefusal(issues: [
                    InputIssue(
                        column: "status", problem: .notOneOf(status, allowed: MeasureStatus.settable.map(\.rawValue)))
                ])
            }
            set = value
        }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines)
        let evidence = evidence?.trimmingCharacters(in: .whitespacesAndNewlines)
        if set == nil && (note ?? "").isEmpty {
            throw MeasureRefusal(issues: [InputIssue(column: "status", problem: .missingValue)])
        }
        let long = [("note", note, 4000), ("evidence", evidence, 1000)].filter { ($0.1?.count ?? 0) > $0.2 }
        if !long.isEmpty {
            throw MeasureRefusal(issues: long.map { InputIssue(column: $0.0, problem: .tooLong(limit: $0.2)) })
        }
        return Change(
            status: set, note: note?.isEmpty == false ? note : nil,
            evidence: evidence?.isEmpty == false ? evidence : nil)
    }
}

/// Why an item or a change was refused: every problem, each naming its field.
public struct MeasureRefusal: Error, Sendable, Equatable {
    public let issues: [InputIssue]
}
