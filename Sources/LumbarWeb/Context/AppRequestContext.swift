import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import NIOCore

/// Per-request state every route sees: request id, the caller's address, their session and the parsed form.
public struct AppRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    let peerAddress: String
    var requestId = ""
    var address = ""
    var session: SessionRecord?
    /// The anonymous double-submit CSRF token, for forms shown before sign-in.
    var anonymousCSRF: String?
    var form = FormData()
    /// Set by the API token middleware for /api routes.
    var apiAccount: Account?
    /// The clinic's name, read once for the request by `ChromeMiddleware`; nil before set-up (pages then say "Lumbar").
    var clinicName: String?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// The signed-in account, once any second factor is done.
    var account: Account? {
        guard let session, session.secondFactorDone else { return nil }
        return session.account
    }

    /// The token a form on this page must carry back.
    var csrfToken: String { session?.csrfToken ?? anonymousCSRF ?? "" }

    /// The layout's chrome for a page titled `title`, with the clinic's name as read for this request: no further read.
    func chrome(_ title: String) -> Chrome {
        Chrome(title: title, context: self, clinicName: clinicName)
    }
}
