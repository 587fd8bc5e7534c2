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
    /// Beyond `WorkbookLimits`: what oversteps, and the limit.
    case tooLarge(what: String, limit: String)

    public var description: String { message(chinese: false) }

    /// The message in Chinese or English. The technical detail (a part's name, the parser's reason)
    /// stays as the file and the parser give it.
    public func message(chinese zh: Bool) -> String {
        switch self {
        case .notAWorkbook(let why) where zh: "不是 Excel 工作簿（.xlsx）：\(why)"
        case .missingPart(let part) where zh: "工作簿缺少 \(part)，文件已损坏或不是 .xlsx 文件"
        case .malformedXML(let part, let line, let reason) where zh: "\(part) 第 \(line) 行：XML 损坏（\(reason)）"
        case .invalidContent(let part, let reason) where zh: "\(part)：\(reason)"
        case .noSuchSheet(let name) where zh: "工作簿中没有名为“\(name)”的工作表"
        case .cannotWrite(let why) where zh: "无法写出工作簿：\(why)"
        case .tooLarge(let what, let limit) where zh: "工作簿过大：\(what)，上限为 \(limit)"
        case .notAWorkbook(let why): "not an Excel workbook (.xlsx): \(why)"
        case .missingPart(let part): "the workbook has no \(part); it is damaged or not an .xlsx file"
        case .malformedXML(let part, let line, let reason): "\(part), line \(line): broken XML (\(reason))"
        case .invalidContent(let part, let reason): "\(part): \(reason)"
        case .noSuchSheet(let name): "the workbook has no sheet named \(name)"
        case .cannotWrite(let why): "cannot write the workbook: \(why)"
        case .tooLarge(let what, let limit): "the workbook is too large: \(what); the limit is \(limit)"
        }
    }
}
