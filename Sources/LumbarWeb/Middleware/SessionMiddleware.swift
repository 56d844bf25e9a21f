import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Loads the browser's session from the database (so any instance can serve it) and ends it when idle
/// for too long or past its absolute limit. Visitors without a session get an anonymous CSRF cookie.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    static let sessionCookie = "lumbar_session"
    static let csrfCookie = "lumbar_csrf"
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var context = context
        if request.uri.path.hasPrefix("/api/") || request.uri.path.hasPrefix("/static/") || request.uri.path == "/health" {
            return try await next(request, context)
        }
        if let token = request.cookies[Self.sessionCookie]?.value, let record = try await services.sessions.find(tokenHash: Secrets.hash(token)) {
            let now = services.now
            let config = services.configuration
            let idleLimit = record.lastSeenAt.adding(seconds: Int64(config.sessionIdleMinutes * 60))
            let absoluteLimit = record.createdAt.adding(seconds: Int64(config.sessionAbsoluteHours * 3600))
            if now > idleLimit || now > absoluteLimit || !record.account.active {
                try await services.sessions.delete(tokenHash: record.tokenHash)
            } else {
                // Writing on every request would serialise reads behind the write lock; a minute's precision is enough.
                if now.milliseconds - record.lastSeenAt.milliseconds > 60_000 {
                    try await services.sessions.touch(tokenHash: record.tokenHash, at: now)
                }
                context.session = record
            }
        }
        var newCSRF: String?
        if context.session == nil {
            if let existing = request.cookies[Self.csrfCookie]?.value, existing.count >= 32 {
                context.anonymousCSRF = existing
            } else {
                newCSRF = Secrets.token()
                context.anonymousCSRF = newCSRF
            }
        }
        var response = try await next(request, context)
        if let newCSRF {
            response.setCookie(Self.cookie(Self.csrfCookie, newCSRF, secure: isSecure(request)))
        }
        return response
    }

    func isSecure(_ request: Request) -> Bool {
        request.uri.scheme == .https
            || (services.configuration.trustProxy && request.headers[.init("X-Forwarded-Proto")!] == "https")
            || services.configuration.publicURL.hasPrefix("https://")
    }

    /// HttpOnly and SameSite=Lax always; Secure when the site is reached over TLS.
    static func cookie(_ name: String, _ value: String, secure: Bool, maxAge: Int? = nil) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }
}
