import Accounting
import Foundation
import Persistence
import Spreadsheet

/// Imports any template — activity, economic data, units, regional statistics, reduction
/// projects or carbon-asset entries — choosing the importer by what the
/// file holds (its data sheet's name or its header row) unless the caller names the kind.
public struct FileImport: Sendable {
    let database: PeakZeroDatabase
    /// How much of a workbook may be read.
    let workbookLimits: WorkbookLimits

    public init(_ database: PeakZeroDatabase, workbookLimits: WorkbookLimits = .standard) {
        self.database = database
        self.workbookLimits = workbookLimits
    }

    /// A file by its path. Activity data in a CSV goes to `ActivityImport.run(path:)`, which streams
    /// it where the storage engine allows; the rest is read whole.
    public func run(
        path: String, kind: Templates.Kind? = nil, mode: ImportReport.Mode = .append, dryRun: Bool,
        language: Language, createdBy: String? = nil, today: Date, scope: AccessScope,
        progress: (@Sendable (ImportProgress) -> Void)? = nil
    ) async throws -> ImportReport {
        if !Self.isWorkbook(path: path), (kind ?? Self.csvKind(path: path)) == .activity {
            return try await ActivityImport(database).run(
                path: path, mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today,
                scope: scope, progress: progress)
        }
        let file: IntakeFile
        do { file = try IntakeFile(path: path, limits: workbookLimits) } catch {
            var report = ImportReport(
                file: UserFile.name(of: path), sheet: nil, contentHash: "", mode: mode, dryRun: dryRun)
            report.add(error.issues)
            return report
        }
        return try await run(
            file, kind: kind, mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today,
            scope: scope)
    }

    /// A file already read. Rows for units outside `scope` read as rows for units that do not exist;
    /// units themselves (which every account shares) are imported with the whole tree in scope only.
    public func run(
        _ file: IntakeFile, kind: Templates.Kind? = nil, mode: ImportReport.Mode = .append, dryRun: Bool,
        language: Language, createdBy: String? = nil, today: Date, scope: AccessScope
    ) async throws -> ImportReport {
        switch kind ?? file.kind ?? .activity {
        case .activity:
            try await ActivityImport(database).run(
                file, mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope)
        case .economic:
            try await EconomicImport(database).run(
                file, mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope)
        case .regional:
            try await RegionalImport(database).run(
                file,
                ImportOptions(
                    mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope))
        case .projects:
            try await ProjectImport(database).run(
                file,
                ImportOptions(
                    mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope))
        case .ledger:
            try await LedgerImport(database).run(
                file,
                ImportOptions(
                    mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope))
        case .scope3:
            try await Scope3Import(database).run(
                file,
                ImportOptions(
                    mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today, scope: scope))
        case .footprint:
            ImportReport.refused(file, .footprintModelElsewhere, mode: mode, dryRun: dryRun)
        case .units where !scope.isEverything:
            ImportReport.unitsRefused(file, mode: mode, dryRun: dryRun)
        case .units:
            try await UnitImport(database).run(
                file, mode: mode, dryRun: dryRun, language: language, createdBy: createdBy, today: today)
        }
    }

    static func isWorkbook(path: String) -> Bool {
        let start = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4) } ?? Data()
        return IntakeFile.isWorkbook(data: start, name: path)
    }

    /// The kind a CSV's header row names, read from its first block alone; activity when the file
    /// cannot be read or its header names no kind (its importer then says what is wrong).
    static func csvKind(path: String) -> Templates.Kind {
        guard var chunks = try? CSVChunks(path: path, blockSize: 64 << 10),
            let block = try? chunks.next(),
            let header = block.records.first(where: { !CSVTable.isBlank($0) })
        else { return .activity }
        return Templates.Kind(header: header) ?? .activity
    }
}
