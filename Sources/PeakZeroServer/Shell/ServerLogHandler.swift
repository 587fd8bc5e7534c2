import Foundation
import Logging

/// The server's log lines on standard error: `2026-12-03T07:40:00Z info peakzero: key=value message`.
///
/// The server puts a request id into its logger's metadata on every request; swift-log's
/// `StreamLogHandler` formats its whole metadata into text each time metadata is set, logged or not,
/// which cost a few per cent of a signed-in request. This handler formats metadata only when a line
/// is written. Nothing here logs headers or bodies: callers decide what a line says.
public struct ServerLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    let label: String

    public init(label: String) {
        self.label = label
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
        let pairs = all.keys.sorted().map { "\($0)=\(all[$0]!)" }.joined(separator: " ")
        let stamp = Date().ISO8601Format()
        let line = "\(stamp) \(event.level) \(label):\(pairs.isEmpty ? "" : " " + pairs) \(event.message)\n"
        FileHandle.standardError.write(Data(line.utf8))
    }
}
