/// One problem found in a file a user gave PeakZero, with where it is: file, the row as a
/// spreadsheet shows it (the header is row 1), and the column by its letter and its header.
public struct InputIssue: Sendable, Equatable, Error {
    public var file: String?
    /// The workbook sheet, for an Excel file.
    public var sheet: String?
    public var row: Int?
    /// The column's header as written in the file, e.g. `数量` or `quantity`.
    public var column: String?
    /// The column's letter as a spreadsheet shows it, e.g. `E`.
    public var columnLetter: String?
    public var problem: Problem

    public init(
        file: String? = nil, sheet: String? = nil, row: Int? = nil, column: String? = nil,
        columnLetter: String? = nil, problem: Problem
    ) {
        self.file = file
        self.sheet = sheet
        self.row = row
        self.column = column
        self.columnLetter = columnLetter
        self.problem = problem
    }
}

extension InputIssue {
    /// Row by row, and within a row column by column, as a person reads a spreadsheet; problems
    /// about a column the file lacks come after those about the row's cells.
    public static func spreadsheetOrder(_ a: InputIssue, _ b: InputIssue) -> Bool {
        let columnA = a.columnLetter.map { ($0.count, $0) } ?? (Int.max, a.column ?? "")
        let columnB = b.columnLetter.map { ($0.count, $0) } ?? (Int.max, b.column ?? "")
        return (a.row ?? 0, columnA.0, columnA.1) < (b.row ?? 0, columnB.0, columnB.1)
    }
}

/// Every problem found in one file; thrown so that nothing is computed from a file with any bad row.
public struct InputIssues: Error, Sendable, Equatable {
    public var issues: [InputIssue]
    public init(_ issues: [InputIssue]) { self.issues = issues }
}

/// What is wrong. Messages in Chinese and English are in `InputIssue+Messages.swift`.
public enum Problem: Sendable, Equatable {
    case unreadableFile(String)
    case notUTF8
    case emptyFile
    case noDataRows
    case unterminatedQuote
    case missingColumn(field: String, accepted: [String])
    case duplicateHeader(String, firstColumn: String)
    case tooManyFields(count: Int, expected: Int)
    case missingValue
    case unknownItem(String, suggestions: [String])
    case unknownUnit(String)
    case unitNotForItem(unit: String, item: String, accepted: [String])
    case negativeQuantity(String)
    case notANumber(String)
    case badPeriod(String)
    case badRegion(String)
    case unknownCategory(String)
    case categoryNotForItem(category: String, item: String, allowed: [String])
    case measuredNotApplicable(item: String)
    case oxidationRateOutOfRange(String)
    case parameterNotPositive(String)
    case duplicateID(String, firstRow: Int)
    case unknownFactorKind(String, known: [String])
    case factorUnitMismatch(String, kind: FactorKind)
    case unknownGrade(String)
    case badYear(String)
    case unknownGWPSet(String)
    case noFactor(FactorKind, item: Item, hint: FactorHint)
    /// An account name must be 1–64 characters without spaces.
    case badAccountName(String)
    case weakPassword(minimum: Int)
    /// Longer than the 72 bytes Bcrypt reads.
    case passwordTooLong(maximumBytes: Int)
    /// An administrator is granted without a unit or region; every other role with one.
    case badGrant(String)
    /// `name@HOME` names an account of a unit's subtree or a region: HOME is neither a unit's code
    /// nor a region code.
    case noAccountHome(name: String, home: String)
    /// `name@HOME`: a role is granted outside HOME (or is the administrator's).
    case grantOutsideHome(name: String, home: String)
    case unknownUnitCode(String)
    /// A unit code longer than 64 characters, or with a space, control or invisible character.
    case badUnitCode(String)
    case duplicateUnitCode(String)
    case shareOutOfRange(String)
    case notOneOf(String, allowed: [String])
    case parentLoop(String)
    case notPositive(String)
    /// A text longer than the field holds.
    case tooLong(limit: Int)
    case badMonth(String)
    /// Import checks (data intake).
    case duplicateRow(firstRow: Int)
    case alreadyStored(recordID: Int64)
    case futurePeriod(String)
    /// The unit's period (`2024-03`, `2024-Q1`, `2024`) has been submitted or approved: its data
    /// is locked until it is returned or a correction is opened.
    case periodLocked(unit: String, period: String, approved: Bool)
    /// The unit tree is shared by every account: only an administrator imports units.
    case unitsNeedAdministrator
    /// A product model's template, given to the data import: it is imported as a unit's model.
    case footprintModelElsewhere
    /// Economic data: a second row for the same unit and period.
    case duplicateUnitPeriod(firstRow: Int)
    /// Economic data already stored for the unit and period (append mode).
    case economicAlreadyStored(recordID: Int64)
    /// Regional statistics: a row that is none of the three shapes (energy by area and carrier, value
    /// added by area, the region's GDP and population).
    case regionalRowShape
    /// Regional statistics: a second row for the same region, year, area and carrier.
    case duplicateRegionalRow(firstRow: Int)
    /// Regional statistics already stored for the region, year, area and carrier (append mode).
    case statisticAlreadyStored(recordID: Int64)
    /// A region the account holds no grant on (or around).
    case regionNotGranted(String)
    /// Units: a code given twice in one file.
    case repeatedUnitCode(String, firstRow: Int)
    case implausible(value: Double, median: Double)
    case alreadyImported(batch: Int64, when: String)
    /// Why a workbook cannot be read, in Chinese and in English.
    case unreadableWorkbook(zh: String, en: String)
    case noSuchSheet(String, available: [String])
    /// A later row of one record (a project's second saved item) fills a cell of the record with
    /// something other than an earlier row gave.
    case differsFromRow(firstRow: Int, given: String)
    /// The stored data changed between the import's check and its write; nothing was written.
    case changedWhileImporting
    /// A count (tonnes of allowances, certificates, a year) written with a fraction.
    case notWholeNumber(String)
    /// A file with more data rows than one import of its kind takes.
    case tooManyRows(count: Int, limit: Int)
    /// A number beyond anything real (`Plausible`): infinite, or larger in magnitude than 10¹².
    case beyondPlausible(String)
    /// A measured net calorific value or carbon content larger than any fuel's.
    case measuredBeyondAnyFuel(String, largest: Double)
    /// An import that only adds (a ledger) run in replace mode.
    case appendOnly
    /// A refusal a domain states in its own words (a project's or a ledger entry's rules), in
    /// Chinese and in English.
    case stated(zh: String, en: String)
    /// A refusal PeakZero composed whole, whatever it quotes from the file already shortened with
    /// `Problem.quoted` (a product model's process and exchange named in one message): told as
    /// it stands.
    case composed(zh: String, en: String)
}

/// Why a factor could not be found, and what the user can do about it.
public enum FactorHint: Sendable, Equatable {
    /// The gas has no GWP in the chosen set (NF3 in SAR).
    case gasNotInGWPSet(GWPSet)
    /// The fuel has no default, so a measured value must be given (原煤's carbon content).
    case giveMeasuredValue(column: String)
    /// No factor of this kind is in any loaded set.
    case notInLibrary
}
