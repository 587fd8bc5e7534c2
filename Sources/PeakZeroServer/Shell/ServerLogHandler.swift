import Foundation
import Logging
import Persistence

/// The server's log lines on standard error, as text (`2026-12-03T07:40:00Z info peakzero: key=value
/// message`) or, for a log collector, as JSON lines (`{"time":…,"level":…,"label":…,"message":…,
/// "request_id":…, and the rest of the metadata}`).
///
/// The server puts a request id into its logger's metadata on every request; swift-log's
/// `StreamLogHandler` formats its whole metadata into text each time metadata is set, logged or not,
/// which cost a few per cent of a signed-in request. This handler formats metadata only when a line
/// is written. Nothing here logs headers or bodies: callers decide what a line says.
public struct ServerLogHandler: LogHandler {
    /// How a line is written.
    public enum Format: String, Sendable, CaseIterable {
        case text, json
    }

    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String
    let format: Format

    public init(label: String, format: Format = .text) {
        self.label = label
        self.format = format
        metadataProvider = LoggingSystem.metadataProvider
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let provided = metadataProvider?.get() { all.merge(provided) { $1 } }
        if let explicit = event.metadata { all.merge(explicit) { $1 } }
        if let error = event.error { all["error"] = "\(error)" }
        FileHandle.standardError.write(Data(line(event, all, at: Date()).utf8))
    }

    /// One line, ending in a line feed.
    func line(_ event: LogEvent, _ metadata: Logger.Metadata, at moment: Date) -> String {
        let stamp = moment.ISO8601Format()
        switch format {
        case .text:
            let pairs = metadata.keys.sorted().map { "\($0)=\(metadata[$0]!)" }.joined(separator: " ")
            return "\(stamp) \(event.level) \(label):\(pairs.isEmpty ? "" : " " + pairs) \(event.message)\n"
        case .json:
            var fields: [(String, String)] = [
                ("time", stamp), ("level", event.level.rawValue), ("label", label), ("message", "\(event.message)"),
            ]
            for key in metadata.keys.sorted() {
                // Hummingbird's request id under the name log collectors look for.
                fields.append((key == "hb.request.id" ? "request_id" : key, "\(metadata[key]!)"))
            }
            return "{" + fields.map { "\(JSONString.quoted($0.0)):\(JSONString.quoted($0.1))" }.joined(separator: ",") + "}\n"
        }
    }
}
