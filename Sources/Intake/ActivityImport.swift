import Accounting
import Foundation
import Persistence

/// Imports a file of activity data into stored units: every row checked with the template's rules
/// and against the stored data, a report of every error and warning, and then all rows written in
/// one transaction, or none. A dry run checks and writes nothing.
public struct ActivityImport: Sendable {
    let database: PeakZeroDatabase
    let template = ActivityTemplate()

    public init(_ database: PeakZeroDatabase) { self.database = database }

    /// A monthly quantity more than this many times the unit's own median for the item is a warning.
    static let implausibleFactor = 10.0

    public func run(
        _ file: IntakeFile, mode: ImportReport.Mode = .append, dryRun: Bool, language: Language,
        createdBy: String? = nil, today: Date = Date()
    ) async throws -> ImportReport {
        var report = ImportReport(
            file: file.name, sheet: file.sheet, contentHash: file.contentHash, mode: mode, dryRun: dryRun)
        let store = ActivityStore(database)
        if let earlier = try await store.batch(contentHash: file.contentHash) {
            report.alreadyImported = true
            report.batchID = earlier.id
            report.warnings.append(
                InputIssue(file: file.name, problem: .alreadyImported(batch: earlier.id, when: earlier.createdAt)))
            return report
        }
        let units = Dictionary(
            try await UnitStore(database).list().map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })
        let parsed: ActivityTemplate.Parsed
        do {
            parsed = try template.parseForImport(
                rows: file.rows, file: file.name, sheet: file.sheet, language: language,
                unitRegion: { units[$0]?.regionCode })
        } catch {
            report.errors = error.issues
            return report
        }
        report.rowsRead = parsed.records.count + Set(parsed.issues.compactMap(\.row)).count
        report.errors = parsed.issues.map { located($0, parsed, file) }

        func issue(_ record: ActivityRecord, _ field: String, _ problem: Problem) -> InputIssue {
            located(InputIssue(row: record.sourceRow, column: field, problem: problem), parsed, file)
        }
        let history = try await store.history(unitIDs: Set(parsed.records.compactMap { units[$0.unitCode]?.id }))
        let thisMonth = Calendar(identifier: .gregorian).dateComponents(
            in: TimeZone(identifier: "Asia/Shanghai")!, from: today)
        var firstRow: [ActivityStore.RecordKey: Int] = [:]
        var superseded: [Int64] = []
        var accepted: [ActivityRecord] = []
        var fileMonthly: [String: [Double]] = [:]
        for record in parsed.records {
            guard let unit = units[record.unitCode] else { continue }
            let key = ActivityStore.RecordKey(
                unitID: unit.id, year: record.period.year, month: record.period.month, item: record.item.code,
                category: record.category.rawValue)
            var bad = false
            let year = thisMonth.year ?? 0
            let month = thisMonth.month ?? 0
            if record.period.year > year || (record.period.year == year && (record.period.month ?? 12) > month) {
                report.errors.append(issue(record, "period", .futurePeriod(record.period.description)))
                bad = true
            }
            if let first = firstRow[key] {
                report.errors.append(issue(record, "unit", .duplicateRow(firstRow: first)))
                bad = true
            } else {
                firstRow[key] = record.sourceRow ?? 0
            }
            if let stored = history.ids[key] {
                if mode == .append {
                    report.errors.append(issue(record, "period", .alreadyStored(recordID: stored)))
                    bad = true
                } else {
                    superseded.append(stored)
                }
            }
            if !bad {
                accepted.append(record)
                if record.period.month != nil {
                    fileMonthly[ActivityStore.StoredHistory.key(unitID: unit.id, item: record.item.code), default: []]
                        .append(record.quantity.value)
                }
            }
        }
        report.rowsValid = accepted.count
        // A month far above the unit's own median for the item (stored and in this file) is a warning.
        var medians: [String: Double] = [:]
        for record in accepted where record.period.month != nil {
            guard let unit = units[record.unitCode] else { continue }
            let key = ActivityStore.StoredHistory.key(unitID: unit.id, item: record.item.code)
            let median =
                medians[key]
                ?? {
                    let values = (history.monthly[key] ?? []) + (fileMonthly[key] ?? [])
                    let m = values.count >= 3 ? Self.median(values) : 0
                    medians[key] = m
                    return m
                }()
            if median > 0, record.quantity.value > Self.implausibleFactor * median {
                report.warnings.append(
                    issue(record, "quantity", .implausible(value: record.quantity.value, median: median)))
            }
        }
        report.errors.sort(by: InputIssue.spreadsheetOrder)
        report.warnings.sort(by: InputIssue.spreadsheetOrder)
        guard report.errors.isEmpty, !dryRun else { return report }

        let batch = try await store.batch(of: accepted)
        let ids = try await store.write(
            batch,
            provenance: RecordBatch(
                kind: "import", fileName: file.name, contentHash: file.contentHash,
                templateVersion: "activity-v\(ActivityTemplate.version)", createdBy: createdBy),
            superseding: superseded)
        report.rowsWritten = ids.count
        report.rowsSuperseded = superseded.count
        report.batchID = try await store.batch(contentHash: file.contentHash)?.id
        return report
    }

    private func located(_ issue: InputIssue, _ parsed: ActivityTemplate.Parsed, _ file: IntakeFile) -> InputIssue {
        var located = parsed.located(issue, file: file.name)
        located.sheet = located.sheet ?? file.sheet
        return located
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
