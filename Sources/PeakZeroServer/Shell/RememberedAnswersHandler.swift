import Foundation
import HTTPTypes
import Logging
import NIOCore
import NIOHTTPTypes
import Persistence

/// Answers a request from `RememberedAnswers` on the connection's event loop, and remembers the
/// answers the router marks as rememberable. Everything else passes through untouched.
///
/// Why here and not in a middleware: a cached answer computed by the router still pays for the
/// hand-over from the event loop to a task, the router and the middleware chain, and back — most of
/// a signed-in request's cost once sign-in and scope were remembered. This handler sits after the
/// HTTP parser and the idle-connection handler, before the router's channel, one per connection.
///
/// Order: a request is answered here only when every request passed on before it has been answered,
/// so answers leave in the order their requests came (HTTP/1.1 pipelining).
final class RememberedAnswersHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    private enum Reading {
        /// Between requests.
        case idle
        /// Reading a request that was passed on to the router.
        case passing
        /// Reading a request that will be answered here when it ends.
        case answering(RememberedAnswers.Answer)
    }

    /// A request passed on to the router whose answer may be remembered, with the database's signal
    /// read before the router saw it (so a write while it was answered leaves the answer unusable).
    private struct Pending {
        let key: RememberedAnswers.Key
        let version: ChangeSignal.Version
    }

    /// The answer being written for a pending request, gathered to be remembered at its end.
    private struct Recording {
        let pending: Pending
        let expiry: Date
        var head: HTTPResponse
        var body: ByteBuffer?
        var tooLarge = false
    }

    private let answers: RememberedAnswers
    private let logger: Logger
    private var reading = Reading.idle
    /// One entry per request passed on and not yet answered, oldest first; nil for one whose answer
    /// is not to be remembered.
    private var passedOn: [Pending?] = []
    private var recording: Recording?
    private var date = HTTPDate()

    init(answers: RememberedAnswers, logger: Logger) {
        self.answers = answers
        self.logger = logger
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if case .idle = reading, let key = RememberedAnswers.key(of: request) {
                let version = answers.signal.current()
                if passedOn.isEmpty, let answer = answers.answer(for: key, at: version) {
                    reading = .answering(answer)
                    if logger.logLevel <= .debug { logger.debug("\(request.method) \(request.path) answered from memory") }
                    return
                }
                passedOn.append(Pending(key: key, version: version))
            } else {
                passedOn.append(nil)
            }
            reading = .passing
            context.fireChannelRead(data)
        case .body:
            if case .answering = reading { return }  // a GET's body: read and dropped
            context.fireChannelRead(data)
        case .end:
            if case .answering(let answer) = reading {
                reading = .idle
                write(answer, context: context)
                return
            }
            reading = .idle
            context.fireChannelRead(data)
        }
    }

    private func write(_ answer: RememberedAnswers.Answer, context: ChannelHandlerContext) {
        var head = answer.head
        head.headerFields[.date] = date.now()
        context.write(wrapOutboundOut(.head(head)), promise: nil)
        context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        switch unwrapOutboundIn(data) {
        case .head(var response):
            let marker = response.headerFields[RememberedAnswers.markerField]
            guard marker != nil else { break }
            response.headerFields[RememberedAnswers.markerField] = nil
            if response.status == .ok, let pending = passedOn.first ?? nil, let seconds = marker.flatMap(Double.init) {
                recording = Recording(pending: pending, expiry: Date(timeIntervalSince1970: seconds), head: response)
            }
            context.write(wrapOutboundOut(.head(response)), promise: promise)
            return
        case .body(let buffer):
            if var current = recording {
                recording = nil  // so the buffer below is not shared with a second copy while appended
                if current.body == nil {
                    current.body = buffer
                } else if current.body!.readableBytes + buffer.readableBytes > RememberedAnswers.largestBody {
                    current.tooLarge = true
                } else if !current.tooLarge {
                    var joined = current.body!
                    joined.writeImmutableBuffer(buffer)
                    current.body = joined
                }
                recording = current
            }
        case .end:
            if let finished = recording, !finished.tooLarge {
                answers.remember(
                    .init(
                        version: finished.pending.version, expiry: finished.expiry, head: finished.head,
                        body: finished.body ?? ByteBuffer()),
                    for: finished.pending.key)
            }
            recording = nil
            if !passedOn.isEmpty { passedOn.removeFirst() }
        }
        context.write(data, promise: promise)
    }
}

/// The `Date` header's text (RFC 9110's IMF-fixdate), made again only when the second changes.
struct HTTPDate {
    private var second = -1
    private var text = ""

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    mutating func now() -> String {
        var clock = time(nil)
        guard clock != second else { return text }
        second = clock
        var parts = tm()
        gmtime_r(&clock, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        text =
            "\(Self.days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(Self.months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) GMT"
        return text
    }
}
