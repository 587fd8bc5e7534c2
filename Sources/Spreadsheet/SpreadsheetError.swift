/// Why a workbook could not be read or written. Each case names the part of the file at fault, so
/// a message can tell the user which file is broken and how.
public enum SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Not a zip archive at all (an .xls, a renamed CSV, a truncated download).
    case notAWorkbook(String)
    /// A part every workbook has is missing (`xl/workbook.xml` …).
    case missingPart(String)
    /// A part's XML does not parse: the part, the line and the parser's reason.
    case malformedXML(part: String, line: Int, reason: String)
    /// The XML parses but says something impossible (a cell reference `A0`, a shared string that does not exist).
    case invalidContent(part: String, reason: String)
    case noSuchSheet(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .notAWorkbook(let why): "not an Excel workbook (.xlsx): \(why)"
        case .missingPart(let part): "the workbook has no \(part); it is damaged or not an .xlsx file"
        case .malformedXML(let part, let line, let reason): "\(part), line \(line): broken XML (\(reason))"
        case .invalidContent(let part, let reason): "\(part): \(reason)"
        case .noSuchSheet(let name): "the workbook has no sheet named \(name)"
        case .cannotWrite(let why): "cannot write the workbook: \(why)"
        }
    }
}
