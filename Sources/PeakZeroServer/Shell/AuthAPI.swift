import Foundation
import Hummingbird
import Persistence

/// Personal API tokens: a script signs in with a name and password once and gets a bearer token,
/// shown in that one response only.
struct AuthAPI {
    let accounts: AccountStore

    struct TokenRequest: Decodable {
        let name: String
        let password: String
        let tokenName: String?
        let days: Int?
    }

    struct TokenResponse: Codable {
        let token: String
        var tokenType = "Bearer"
        let id: Int64
        let name: String
        let expiresAt: String
    }

    func createToken(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        var request = request
        let asked = try await request.decodeJSON(TokenRequest.self, context: context)
        let language = request.language
        let account: Account
        do {
            account = try await accounts.verify(
                name: asked.name, password: asked.password, address: context.clientAddress)
        } catch SignInRefusal.wrongNameOrPassword {
            throw APIError(
                status: .unauthorized, code: "unauthorized",
                message: language.say(.wrongPassword))
        } catch SignInRefusal.tooManyAttempts(let seconds) {
            throw APIError(
                status: .tooManyRequests, code: "too_many_attempts",
                message: language.say(.tooManySignIns, ["seconds": "\(seconds)"]), retryAfter: seconds)
        }
        let actor = AuditActor(accountID: account.id, name: account.name, address: context.clientAddress)
        let (token, secret) = try await AuditActor.$current.withValue(actor) {
            try await accounts.makeToken(
                for: account, name: asked.tokenName ?? "api", days: asked.days ?? AccountStore.defaultTokenLife)
        }
        return try jsonResponse(
            TokenResponse(token: secret, id: token.id, name: token.name, expiresAt: token.expiresAt), status: .created)
    }

    func list(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try jsonResponse(try Page(try await accounts.tokens(of: try context.signedIn.account), request))
    }

    func revoke(_ request: Request, _ context: PeakZeroContext) async throws -> Response {
        try await accounts.revokeToken(id: try context.id(), of: try context.signedIn.account)
        return Response(status: .noContent)
    }
}

extension PeakZeroContext {
    /// Who is asking; the sign-in middleware has made sure someone is, on every route but the public ones.
    var signedIn: Identity {
        get throws {
            guard let identity else {
                throw APIError(status: .unauthorized, code: "unauthorized", message: "sign in first")
            }
            return identity
        }
    }
}
