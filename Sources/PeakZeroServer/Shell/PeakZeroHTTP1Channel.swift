import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1

/// Hummingbird's HTTP/1.1 connection, with remembered answers given on the event loop.
///
/// The same pipeline as Hummingbird's `HTTP1Channel` (its parser limits, its idle-connection
/// handler), with a time limit on each request's arrival (`RequestDeadlineHandler`), and
/// `RememberedAnswersHandler` placed after the idle handler — so a connection busy
/// with remembered answers counts as busy — and before the router's channel. Without remembered
/// answers (a database with no change signal) the pipeline is Hummingbird's own.
struct PeakZeroHTTP1Channel: ServerChildChannel, HTTPChannelHandler {
    typealias Value = NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>

    let responder: HTTPChannelHandler.Responder
    let idleTimeout: Duration
    let bodyTimeLimit: Duration
    let answers: RememberedAnswers?

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            // Hummingbird's own limits on a request's head, read from it rather than repeated here.
            let defaults = HTTP1Channel.Configuration.DecoderConfiguration()
            var limits = NIOHTTPDecoderLimitConfiguration()
            limits.maxHeaderFieldSize = defaults.maxHeaderFieldSize
            limits.maxHeaderListSize = defaults.maxHeaderListSize
            limits.maxHeaderFieldCount = defaults.maxHeaderFieldCount
            let pipeline = channel.pipeline.syncOperations
            try pipeline.configureHTTPServerPipeline(
                withPipeliningAssistance: false,  // the router's channel answers requests in order
                withErrorHandling: false,  // Hummingbird answers parse errors itself
                withOutboundHeaderValidation: false,  // HTTPTypes validates fields already
                withEncoderConfiguration: .init(),
                withDecoderLimitConfiguration: limits)
            try pipeline.addHandler(HTTP1ToHTTPServerCodec(secure: false))
            try pipeline.addHandler(HTTPConnectionStateHandler(idleTimeout: idleTimeout, logger: logger))
            try pipeline.addHandler(RequestDeadlineHandler(limit: bodyTimeLimit, logger: logger))
            if let answers { try pipeline.addHandler(RememberedAnswersHandler(answers: answers, logger: logger)) }
            return try NIOAsyncChannel(
                wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
        }
    }

    func handle(value asyncChannel: Value, logger: Logger) async {
        await handleHTTP(asyncChannel: asyncChannel, logger: logger)
    }
}

extension HTTPServerBuilder {
    /// HTTP/1.1 with remembered answers (when there are any to give: SQLite).
    static func peakZero(idleTimeout: Duration, bodyTimeLimit: Duration, answers: RememberedAnswers?)
        -> HTTPServerBuilder
    {
        .init { responder in
            PeakZeroHTTP1Channel(
                responder: responder, idleTimeout: idleTimeout, bodyTimeLimit: bodyTimeLimit, answers: answers)
        }
    }
}
