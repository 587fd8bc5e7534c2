import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Walks one XML part of a workbook with Foundation's streaming parser, handing each element's
/// start (local name, attributes), text and end to the reader. Element names are local (a
/// workbook may prefix its namespace, `x:c`); attribute names keep their prefix (`r:id`).
final class XMLEvents: NSObject, XMLParserDelegate {
    private let onStart: (String, [String: String]) throws -> Void
    private let onEnd: (String, String) throws -> Void
    private var text = ""
    private var failure: (any Error)?
    private var depth = 0
    private var sawRoot = false
    private let part: String

    /// `onEnd` gets the element's name and the text directly inside it since the last start.
    private init(
        part: String, onStart: @escaping (String, [String: String]) throws -> Void,
        onEnd: @escaping (String, String) throws -> Void
    ) {
        self.part = part
        self.onStart = onStart
        self.onEnd = onEnd
    }

    static func parse(
        _ data: Data, part: String, onStart: @escaping (String, [String: String]) throws -> Void,
        onEnd: @escaping (String, String) throws -> Void
    ) throws {
        let events = XMLEvents(part: part, onStart: onStart, onEnd: onEnd)
        // Fed as a stream: given the whole part at once, libxml2 refuses a part over 10 MB (a sheet
        // of some 100 000 rows, which Excel writes on one line) as a "huge lookup".
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let parsed = parser.parse()
        if let failure = events.failure { throw failure }
        // Foundation on Linux may report success for a broken document (and say nothing of elements
        // left open at the end), so its error and the element depth are checked as well.
        if !parsed || parser.parserError != nil {
            let code = (parser.parserError as? NSError)?.code ?? 0
            throw SpreadsheetError.malformedXML(part: part, line: parser.lineNumber, reason: Self.reason(code))
        }
        if !events.sawRoot || events.depth != 0 {
            throw SpreadsheetError.malformedXML(
                part: part, line: parser.lineNumber,
                reason: events.sawRoot ? "the part ends inside an element" : "empty")
        }
    }

    /// libxml2's error codes, as Foundation passes them on, for the mistakes a damaged file shows.
    static func reason(_ code: Int) -> String {
        switch code {
        case 4: "empty"
        case 5: "the part ends too early"
        case 9: "a character XML does not allow"
        case 26, 27: "an undefined entity"
        case 38, 39, 40, 41: "a malformed attribute"
        case 64, 65, 68: "malformed markup"
        case 73, 76: "an element closed by the wrong end tag"
        case 85: "text after the end of the document"
        default: "XML error \(code)"
        }
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        stop(parser, SpreadsheetError.malformedXML(part: part, line: parser.lineNumber, reason: Self.reason(code)))
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        depth += 1
        sawRoot = true
        do { try onStart(elementName, attributes) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        depth -= 1
        do { try onEnd(elementName, text) } catch { stop(parser, error) }
        text = ""
    }

    private func stop(_ parser: XMLParser, _ error: any Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
