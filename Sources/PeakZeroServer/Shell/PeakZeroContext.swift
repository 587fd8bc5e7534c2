import Foundation
import Hummingbird
import Persistence

/// The request context of every PeakZero route: JSON in snake_case both ways.
public struct PeakZeroContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Who is asking, once `SignInMiddleware` has found out; nil on the public routes.
    public var identity: Identity?
    /// The units the account may see, and those it may change; set with `identity`. Nothing until
    /// then: a public route shows nothing of any unit.
    public var readScope: AccessScope = .nothing
    public var writeScope: AccessScope = .nothing
    /// The client's IP address, for the limits on failed sign-ins (see `ClientAddressMiddleware`).
    public internal(set) var clientAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The largest body a route reads: `ServerLimits.bodyBytes`, set on every request by
    /// `BodyLimitMiddleware` (64 MiB, about 500,000 activity records, until then).
    public internal(set) var maxUploadSize: Int = 64 << 20

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
