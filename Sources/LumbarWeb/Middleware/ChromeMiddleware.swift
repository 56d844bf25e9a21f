import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Reads what every page's chrome shows of the clinic (its name) once per request, so a route builds its chrome with
/// `context.chrome("Title")` and no read of its own. Through `services.clinic.profile()`, which the database's
/// ReadCache keeps, so most requests touch no row. The API, health check and API description show no chrome.
struct ChromeMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let services: AppServices

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let path = request.uri.path
        if path.hasPrefix("/api/") || path == "/health" || path == "/openapi.yaml" {
            return try await next(request, context)
        }
        var context = context
        context.clinicName = try await services.clinic.profile()?.name
        return try await next(request, context)
    }
}
