import Hummingbird
import LumbarClinic
import NIOCore

/// The body of an upload to a client's documents, read by the route itself: the form middleware's 1 MB limit is
/// for typed forms, and a file may be as big as the owner allows. Checks the form's CSRF token as that middleware does.
enum DocumentUpload {
    /// Room for the other fields and the part headers beside a file at the limit.
    static let overhead = 64 * 1024

    enum Outcome {
        case form(MultipartForm)
        /// Over the limit: the body was read through and dropped, so the browser gets the page that says so.
        case tooLarge
    }

    /// Whether the form middleware leaves this request to the route: a multipart post to `/clients/:id/documents`.
    static func isUpload(_ request: Request) -> Bool {
        guard request.method == .post, (request.headers[.contentType] ?? "").lowercased().hasPrefix("multipart/form-data") else { return false }
        let segments = request.uri.path.split(separator: "/", omittingEmptySubsequences: false)
        return segments.count == 4 && segments[0].isEmpty && segments[1] == "clients" && !segments[2].isEmpty && segments[3] == "documents"
    }

    /// Reads and splits the upload. A body over `limit` plus the overhead is drained, up to a hard stop, and answered
    /// `tooLarge`; a body that is not well-formed multipart is a bad form; a wrong token is an expired form.
    static func read(_ request: Request, context: AppRequestContext, limit: Int) async throws -> Outcome {
        guard let boundary = MultipartForm.boundary(contentType: request.headers[.contentType] ?? "") else {
            throw PageError.badForm("The upload could not be read. Please choose the file again.")
        }
        let allowed = limit + overhead
        // Past this the connection is not worth keeping open for a polite answer.
        let drainStop = allowed * 4
        if let length = request.headers[.contentLength].flatMap(Int.init), length > drainStop { throw HTTPError(.contentTooLarge) }
        var body: [UInt8] = []
        body.reserveCapacity(min(request.headers[.contentLength].flatMap(Int.init) ?? 0, allowed))
        var seen = 0
        for try await chunk in request.body {
            seen += chunk.readableBytes
            if seen > drainStop { throw HTTPError(.contentTooLarge) }
            if seen <= allowed { body.append(contentsOf: chunk.readableBytesView) }
        }
        if seen > allowed { return .tooLarge }
        let form: MultipartForm
        do {
            form = try MultipartForm(body, boundary: boundary)
        } catch {
            throw PageError.badForm("The upload could not be read. Please choose the file again.")
        }
        let expected = context.csrfToken
        guard !expected.isEmpty, Secrets.constantTimeEquals(form["_csrf"], expected) else { throw PageError.expiredForm }
        return .form(form)
    }
}
