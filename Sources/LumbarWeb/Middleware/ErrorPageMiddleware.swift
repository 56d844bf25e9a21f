import Hummingbird
import Logging
import NIOCore

/// Turns every error into a plain page (or JSON under /api) that leaks nothing: no stack, no SQL, no data.
struct ErrorPageMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let views: Views

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as PageError {
            switch error {
            case .signInRequired: return .seeOther("/login")
            case .secondFactorRequired: return .seeOther("/login/code")
            case .enrolmentRequired: return .seeOther("/account/two-factor")
            case .forbidden: return page(request, context, .forbidden)
            case .notFound: return page(request, context, .notFound)
            case .badForm(let message): return page(request, context, .badRequest, message: message)
            case .tooManyAttempts: return page(request, context, .tooManyRequests)
            case .expiredForm:
                return page(request, context, .forbidden, message: "This form has expired or did not come from Lumbar. Go back, reload the page and send it again.")
            }
        } catch let error as any HTTPResponseError {
            return page(request, context, error.status)
        } catch {
            // Log the kind of error only; its text may quote SQL or values.
            context.logger.error("unhandled error: \(String(describing: type(of: error)))")
            return page(request, context, .internalServerError)
        }
    }

    private func page(_ request: Request, _ context: Context, _ status: HTTPResponse.Status, message: String? = nil) -> Response {
        let (heading, text) = Self.words(status)
        if request.uri.path.hasPrefix("/api/") {
            return APIError.response(status, message ?? text)
        }
        let model = ErrorPage(chrome: context.chrome(heading), heading: heading, message: message ?? text)
        return views.page("error", model, status: status)
    }

    static func words(_ status: HTTPResponse.Status) -> (String, String) {
        switch status.code {
        case 400: return ("Something in the request was not right", "Please go back, check what you entered and try again.")
        case 401: return ("Please sign in", "This needs you to sign in first.")
        case 403: return ("Not available to you", "Your account does not have access to this page. If you think it should, ask the clinic owner.")
        case 404: return ("Page not found", "There is nothing at this address. It may have moved, or the link may be mistyped.")
        case 405: return ("Not allowed", "This address does not accept that kind of request.")
        case 413: return ("Too large", "What you sent is larger than Lumbar accepts.")
        case 415: return ("Unsupported format", "Lumbar could not read the format of what was sent.")
        case 429: return ("Too many attempts", "There have been too many attempts from your connection. Please wait 15 minutes and try again.")
        default: return ("Something went wrong", "Lumbar could not finish that. Nothing you entered was lost; please try again in a moment.")
        }
    }

}
