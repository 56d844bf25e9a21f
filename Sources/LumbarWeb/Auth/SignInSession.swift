import Hummingbird
import LumbarClinic
import LumbarCore

/// Starts a signed-in session: after a password (and code), and when a new client's online booking creates their account.
struct SignInSession {
    let services: AppServices

    /// A fresh session (never reusing the visitor's old token) and the cookie that carries it.
    func start(for account: Account, secondFactorDone: Bool, _ request: Request, _ context: AppRequestContext) async throws -> Cookie {
        if let old = context.session { try await services.sessions.delete(tokenHash: old.tokenHash) }
        let token = Secrets.token()
        try await services.sessions.create(tokenHash: Secrets.hash(token), accountId: account.id, csrfToken: Secrets.token(),
                                           secondFactorDone: secondFactorDone, address: context.address, at: services.now)
        return SessionMiddleware.cookie(SessionMiddleware.sessionCookie, token, secure: SessionMiddleware(services: services).isSecure(request))
    }
}
