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

    /// `onEnd` gets the element's name and the text directly inside it since the last start.
    private init(
        onStart: @escaping (String, [String: String]) throws -> Void, onEnd: @escaping (String, String) throws -> Void
    ) {
        self.onStart = onStart
        self.onEnd = onEnd
    }

    static func parse(
        _ data: Data, part: String, onStart: @escaping (String, [String: String]) throws -> Void,
        onEnd: @escaping (String, String) throws -> Void
    ) throws {
        let events = XMLEvents(onStart: onStart, onEnd: onEnd)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let parsed = parser.parse()
        if let failure = events.failure { throw failure }
        if !parsed {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "unreadable"
            throw SpreadsheetError.malformedXML(part: part, line: parser.lineNumber, reason: reason)
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        text = ""
        do { try onStart(elementName, attributes) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        do { try onEnd(elementName, text) } catch { stop(parser, error) }
        text = ""
    }

    private func stop(_ parser: XMLParser, _ error: any Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }
}
