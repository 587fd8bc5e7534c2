import Foundation
import Hummingbird

/// The request context of every PeakZero route: JSON in snake_case both ways.
public struct PeakZeroContext: RequestContext {
    public var coreContext: CoreRequestContextStorage

    public init(source: Source) { coreContext = .init(source: source) }

    /// Batches of activity records can be large; 64 MB is ~500 000 records.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    public var requestDecoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }

    public var responseEncoder: JSONEncoder { JSONCoding.encoder }
}

enum JSONCoding {
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }
}
