import Foundation
import Logging
import Testing

@testable import PeakZeroServer

/// The server's log lines: text for people, JSON lines for a log collector, each one line whatever
/// the message holds.
@Suite("Server log lines")
struct ServerLogTests {
    static func event(_ message: Logger.Message) -> LogEvent {
        LogEvent(
            level: .error, message: message, metadata: nil, source: "PeakZeroServer", file: #fileID,
            function: #function, line: #line)
    }

    static let moment = Date(timeIntervalSince1970: 1_764_700_000)

    @Test("JSON: one object a line, with time, level, label, message and the request id")
    func json() throws {
        let handler = ServerLogHandler(label: "peakzero", format: .json)
        // A message a user could shape: quotes, a line break, a tab, a control character.
        let line = handler.line(
            Self.event("name \"x\"\nforged line\t\u{1}end"), ["hb.request.id": "r-42", "method": "POST"], at: Self.moment)
        #expect(line.hasSuffix("}\n") && line.dropLast().contains("\n") == false)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "error" && object["label"] == "peakzero" && object["request_id"] == "r-42")
        #expect(object["method"] == "POST" && object["time"] == "2025-12-02T18:26:40Z")
        #expect(object["message"] == "name \"x\"\nforged line\t\u{1}end")
        #expect(object["hb.request.id"] == nil)
    }

    @Test("text: time, level, label, sorted metadata, message")
    func text() {
        let handler = ServerLogHandler(label: "peakzero")
        let line = handler.line(Self.event("started"), ["b": "2", "a": "1"], at: Self.moment)
        #expect(line == "2025-12-02T18:26:40Z error peakzero: a=1 b=2 started\n")
    }
}
