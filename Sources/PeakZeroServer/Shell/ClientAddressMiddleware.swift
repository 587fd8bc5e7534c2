import HTTPTypes
import Hummingbird

/// Finds the client's address, which the sign-in limits count failures by. It is the connection's
/// peer — unless that peer is one of the configured trusted proxies (`--trusted-proxy`,
/// `PEAKZERO_TRUSTED_PROXIES`), whose `X-Forwarded-For` then names the client: the last address in
/// it that is not itself a trusted proxy. Anyone else's `X-Forwarded-For` is ignored, since a client
/// could write any address there.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext
    let trustedProxies: Set<String>

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        if trustedProxies.contains(context.clientAddress),
            let client = Self.client(forwardedFor: request.headers[values: Self.forwardedFor], trusted: trustedProxies)
        {
            context.clientAddress = client
        }
        return try await next(request, context)
    }

    /// The last address of the header's lists that is not a trusted proxy; nil when none is.
    static func client(forwardedFor values: [String], trusted: Set<String>) -> String? {
        let hops = values.flatMap { $0.split(separator: ",") }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && $0.count <= 64 }
        return hops.last { !trusted.contains($0) }
    }
}
