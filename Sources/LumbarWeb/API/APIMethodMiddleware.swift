import Hummingbird

/// For an API address that exists but not for the method used, answer 405 with `Allow` (as HTTP asks) rather than
/// 404. Added after every route, so it sits only in front of the router's "not found" answer.
struct APIMethodMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    /// Each API route's path segments (a `:name` segment matches any one) and method.
    let routes: [(segments: [Substring], method: HTTPRequest.Method)]

    init(routes: [Router<AppRequestContext>.RouteDescription]) {
        self.routes = routes.compactMap { route in
            let path = "\(route.path)"
            return path.hasPrefix("/api/") ? (path.split(separator: "/"), route.method) : nil
        }
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path.hasPrefix("/api/") else { return try await next(request, context) }
        let segments = request.uri.path.split(separator: "/")
        let allowed = routes.filter { route in
            route.segments.count == segments.count && zip(route.segments, segments).allSatisfy { $0.hasPrefix(":") || $0.hasPrefix("{") || $0 == $1 }
        }.map(\.method.rawValue)
        guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { return try await next(request, context) }
        var response = APIError.response(.methodNotAllowed, "This address does not accept \(request.method.rawValue).")
        response.headers[.allow] = Set(allowed).sorted().joined(separator: ", ")
        return response
    }
}
