import Hummingbird
import LumbarClinic
import LumbarStorage
import Synchronization

/// Until the clinic is set up, every page leads to /setup. Once set up it stays set up, so the answer is cached.
final class SetupGateMiddleware: RouterMiddleware, Sendable {
    typealias Context = AppRequestContext
    let services: AppServices
    private let done = Atomic<Bool>(false)

    init(services: AppServices) { self.services = services }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if done.load(ordering: .relaxed) || path == "/setup" || path == "/health" || path.hasPrefix("/static/") || path == "/openapi.yaml" {
            return try await next(request, context)
        }
        if try await services.clinic.profile() != nil {
            done.store(true, ordering: .relaxed)
            return try await next(request, context)
        }
        if path.hasPrefix("/api/") { return APIError.response(.serviceUnavailable, "The clinic has not been set up yet.") }
        return .seeOther("/setup")
    }
}
