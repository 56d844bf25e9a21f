import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Who is calling the API, for handlers the OpenAPI transport gives no request context.
struct APICaller: Sendable {
    let account: Account
    let address: String

    @TaskLocal static var current: APICaller?
}

/// Requires `Authorization: Bearer <personal token>` on every API route; cookies are never accepted here.
struct APITokenMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let header = request.headers[.authorization], header.lowercased().hasPrefix("bearer "),
              let account = try await services.apiTokens.account(tokenHash: Secrets.hash(String(header.dropFirst(7)).trimmed), at: services.now),
              account.role.isStaff, account.active
        else {
            var response = APIError.response(.unauthorized, "Send a valid personal API token as: Authorization: Bearer <token>.")
            response.headers[.wwwAuthenticate] = "Bearer"
            return response
        }
        var context = context
        context.apiAccount = account
        return try await APICaller.$current.withValue(APICaller(account: account, address: context.address)) {
            try await next(request, context)
        }
    }
}
