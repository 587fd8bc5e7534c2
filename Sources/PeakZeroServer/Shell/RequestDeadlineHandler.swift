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
    /// When the head of a request still arriving came, and its path (for the log line).
    private var arriving: (since: NIODeadline, path: String)?
    private var deadline: Scheduled<Void>?

    init(limit: Duration, logger: Logger) {
        self.limit = limit
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            arriving = (.now(), head.path ?? "")
        case .body:
            break
        case .end:
            arriving = nil
            deadline?.cancel()
            deadline = nil
        }
        context.fireChannelRead(data)
    }

    /// The timer is set only for a request still arriving when a read ends: most requests arrive
    /// whole in one read (a GET nearly always), and a timer per request would be work on every answer.
    func channelReadComplete(context: ChannelHandlerContext) {
        if let arriving, deadline == nil {
            let limit = limit
            let logger = logger
            let path = arriving.path
            deadline = context.eventLoop.assumeIsolated().scheduleTask(deadline: arriving.since + TimeAmount(limit)) {
                logger.notice(
                    "a request's body did not arrive within its time limit; connection closed",
                    metadata: ["path": .string(String(path.prefix(200))), "limit": .string("\(limit)")])
                context.close(promise: nil)
            }
        }
        context.fireChannelReadComplete()
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
