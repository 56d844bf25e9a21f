import Hummingbird
import LumbarClinic
import NIOCore

/// Reads every page form post once (size-limited) and refuses it unless it carries this visitor's CSRF token.
/// The API is exempt: it takes bearer tokens only, never cookies, so a forged cross-site request gains nothing.
struct FormMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext
    let maxBodyBytes: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method != .get, request.method != .head, !request.uri.path.hasPrefix("/api/") else {
            return try await next(request, context)
        }
        // An upload is read by its route, up to the owner's limit, and its token checked there the same way.
        if DocumentUpload.isUpload(request) { return try await next(request, context) }
        var request = request
        var context = context
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.lowercased().hasPrefix("application/x-www-form-urlencoded") else {
            throw HTTPError(.unsupportedMediaType)
        }
        let body = try await Self.collect(&request, limit: maxBodyBytes)
        guard let text = body.getString(at: body.readerIndex, length: body.readableBytes), text.utf8.count == body.readableBytes else {
            throw PageError.badForm("The form could not be read. Please try again.")
        }
        context.form = FormData(encoded: text)
        let expected = context.csrfToken
        guard !expected.isEmpty, Secrets.constantTimeEquals(context.form["_csrf"], expected) else {
            throw PageError.expiredForm
        }
        return try await next(request, context)
    }

    /// The body, or 413 when it is over `limit`.
    static func collect(_ request: inout Request, limit: Int) async throws -> ByteBuffer {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw HTTPError(.contentTooLarge)
        }
        do {
            return try await request.collectBody(upTo: limit)
        } catch is NIOTooManyBytesError {
            throw HTTPError(.contentTooLarge)
        }
    }
}
