import Accounting
import Assets
import Foundation
import HTTPTypes
import Hummingbird
import Pathways
import Persistence

/// An API error as JSON: `{"error": {"code", "message", "issues": [{"row", "field", "message"}]}}`.
struct APIError: HTTPResponseError {
    let status: HTTPResponse.Status
    let code: String
    let message: String
    var issues: [Issue] = []
    /// Seconds to wait before asking again, sent as `Retry-After` (every 429 carries one).
    var retryAfter: Int? = nil
    /// The methods the path is served with, sent as `Allow` (every 405 carries it).
    var allow: [HTTPRequest.Method] = []

    struct Issue: Encodable, Equatable {
        /// 1-based position in a batch (or the spreadsheet row), when the problem belongs to one item.
        let row: Int?
        let field: String?
        let message: String
    }

    struct Body: Encodable {
        struct Content: Encodable {
            let code: String
            let message: String
            let issues: [Issue]
        }
        let error: Content
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        var response = Response.json(
            try JSONCoding.encoder.encode(Body(error: .init(code: code, message: message, issues: issues))),
            status: status)
        if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        if !allow.isEmpty { response.headers[.allow] = allow.map(\.rawValue).joined(separator: ", ") }
        return response
    }

    static func notFound(_ what: String) -> APIError { APIError(status: .notFound, code: "not_found", message: what) }
    static func badRequest(_ message: String, issues: [Issue] = []) -> APIError {
        APIError(status: .badRequest, code: "bad_request", message: message, issues: issues)
    }
}

/// Turns the errors of the stores and of request decoding into API errors, in the caller's language.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = PeakZeroContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            return try await next(request, context)
        } catch let error as StoreError {
            throw APIError(error, language: request.language)
        } catch let refusal as ReviewRefusal {
            switch refusal {
            case .wrongState, .ownSubmission:
                throw APIError(status: .conflict, code: "conflict", message: refusal.message(request.language))
            case .reasonRequired, .findingEmptyOrLong, .notAPeriodOf:
                throw APIError(
                    status: .unprocessableContent, code: "invalid", message: refusal.message(request.language))
            }
        } catch let problems as ScenarioProblems {
            throw APIError(problems, language: request.language)
        } catch let problems as ProjectProblems {
            throw APIError.invalid(problems.problems.map { ($0.field, $0.message(request.language)) }, request.language)
        } catch let problems as LedgerProblems {
            throw APIError.invalid(problems.problems.map { ($0.field, $0.message(request.language)) }, request.language)
        } catch let error as DecodingError {
            throw APIError.badRequest(
                request.language.say(.badJSON, ["summary": "\(error.summary)"]))
        } catch let error as HTTPError where error.status == .notFound {
            // No route serves this method and path. Where the API serves the path with other methods,
            // 405 names them; an unknown path under /api/ is told in JSON like the API's other errors.
            let allowed = APIPathMethods.methods(servingPath: request.uri.path)
            guard !allowed.contains(request.method) else { throw APIError.notFound(request.language.say(.noSuchObject)) }
            guard !allowed.isEmpty else {
                guard request.uri.path.hasPrefix("/api/") else { throw error }
                throw APIError(status: .notFound, code: "no_such_route", message: request.language.say(.noSuchRoute))
            }
            var refusal = APIError(
                status: .methodNotAllowed, code: "method_not_allowed",
                message: request.language.say(
                    .methodNotAllowed,
                    ["method": request.method.rawValue, "allowed": allowed.map(\.rawValue).joined(separator: ", ")]))
            refusal.allow = allowed
            throw refusal
        } catch let error as any HTTPResponseError {
            throw error
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            // Anything else is the server's failure, never an empty 500: logged with the request's
            // id (and nothing of its body), and told to the caller with the same id.
            let failure = ServerFailure(error)
            context.logger.error(
                "request failed: \(failure.rawValue)",
                metadata: ["method": "\(request.method)", "path": "\(request.uri.path)", "error": "\(error)"])
            throw APIError(failure, requestID: context.id, language: request.language)
        }
    }
}

/// What kind of failure of the server's an unexpected error is, judged by what the database says.
enum ServerFailure: String {
    /// The disk is full: nothing was written (every write is one transaction).
    case diskFull = "disk full"
    /// The database cannot be reached, or is busy past waiting.
    case databaseUnavailable = "database unavailable"
    case `internal` = "internal error"

    init(_ error: any Error) {
        let text = String(describing: error).lowercased()
        if text.contains("disk is full") || text.contains("no space left") || text.contains("disk full") {
            self = .diskFull
        } else if ["connection refused", "connectionrequesttimeout", "connection closed", "database is locked",
            "too many clients", "the database system is shutting down"].contains(where: text.contains)
        {
            self = .databaseUnavailable
        } else {
            self = .internal
        }
    }
}

extension APIError {
    /// The caller's view of a server failure: what happened, that nothing was written, and the
    /// request id an operator finds in the log.
    init(_ failure: ServerFailure, requestID: String, language: Language) {
        switch failure {
        case .diskFull:
            self = APIError(
                status: HTTPResponse.Status(code: 507, reasonPhrase: "Insufficient Storage"), code: "disk_full",
                message: language.say(.diskFull, ["id": requestID]))
        case .databaseUnavailable:
            self = APIError(
                status: .serviceUnavailable, code: "database_unavailable",
                message: language.say(.databaseUnavailable, ["id": requestID]), retryAfter: 5)
        case .internal:
            self = APIError(
                status: .internalServerError, code: "internal", message: language.say(.internalError, ["id": requestID]))
        }
    }
}

extension APIError {
    /// A plan or project that cannot run: every problem with its field (`scenario.field` when it
    /// belongs to a scenario).
    init(_ problems: ScenarioProblems, language: Language) {
        self = APIError(
            status: .unprocessableContent, code: "invalid",
            message: language.say(.planProblems, ["count": "\(problems.problems.count)"]),
            issues: problems.problems.map { problem in
                Issue(
                    row: nil, field: [problem.scenario, problem.field].compactMap { $0 }.joined(separator: "."),
                    message: problem.text(language))
            })
    }

    /// Problems of one object, each with its field; nothing was written.
    static func invalid(_ problems: [(field: String, message: String)], _ language: Language) -> APIError {
        APIError(
            status: .unprocessableContent, code: "invalid",
            message: language.say(.problemsNothingWritten, ["count": "\(problems.count)"]),
            issues: problems.map { Issue(row: nil, field: $0.field, message: $0.message) })
    }

    init(_ error: StoreError, language: Language) {
        switch error {
        case .notFound(let kind, let id):
            self = .notFound(language.say(.noSuchID, ["id": "\(id)", "kind": StoredKindName.name(kind, language)]))
        case .conflict(let message):
            self = APIError(status: .conflict, code: "conflict", message: message)
        case .invalid(let issues):
            self = APIError(
                status: .unprocessableContent, code: "invalid",
                message: language.say(.problemsNothingWritten, ["count": "\(issues.count)"]),
                issues: issues.map { Issue(row: $0.row, field: $0.column, message: $0.problem.text(in: language)) })
        case .unattributed:
            // A route that changes data outside the sign-in's actor: PeakZero's fault, not the user's.
            self = APIError(
                status: .internalServerError, code: "unattributed",
                message: language.say(.noActor))
        }
    }
}

extension DecodingError {
    /// Which field, and what is wrong with it.
    var summary: String {
        switch self {
        case .keyNotFound(let key, let context): "missing field \((context.codingPath + [key]).snakePath)"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            "wrong type at \(context.codingPath.snakePath): \(context.debugDescription)"
        case .dataCorrupted(let context): context.debugDescription
        @unknown default: "unreadable"
        }
    }
}

extension Request {
    /// `?lang=zh|en`, else the first language of `Accept-Language`; Chinese when nothing is said.
    var language: Language {
        // The query is parsed only when it names a language: most requests do not, and each parse
        // builds a dictionary of every parameter.
        if let query = uri.query, query.utf8.firstRange(of: "lang=".utf8) != nil, let lang = uri.queryParameters.get("lang"),
            let language = Language(rawValue: lang.lowercased())
        {
            return language
        }
        if let accept = headers[.acceptLanguage], let first = accept.split(separator: ",").first {
            return Language(localeIdentifier: String(first).trimmingCharacters(in: .whitespaces))
        }
        return .zh
    }
}

