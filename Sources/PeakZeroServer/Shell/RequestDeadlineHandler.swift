import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request has not fully arrived within `limit` of its head.
///
/// The idle-connection handler closes a connection that sends nothing between requests or part
/// way through a head, but once a head has arrived the request counts as under way, and a body
/// sent a byte at a time — or never finished — would hold its connection, its task and its buffers
/// without end. No answer is sent: the router may be reading the body, and two answers would mix.
final class RequestDeadlineHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let limit: Duration
    private let logger: Logger
    private var deadline: Scheduled<Void>?

    init(limit: Duration, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            deadline?.cancel()
            let limit = limit
            let logger = logger
            let path = head.path ?? ""
            deadline = context.eventLoop.assumeIsolated().scheduleTask(in: TimeAmount(limit)) {
                logger.notice(
                    "a request's body did not arrive within its time limit; connection closed",
                    metadata: ["path": .string(String(path.prefix(200))), "limit": .string("\(limit)")])
                context.close(promise: nil)
            }
        case .body:
            break
        case .end:
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
    }
}
