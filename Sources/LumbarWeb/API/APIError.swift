import Hummingbird
import LumbarCore
import NIOCore

/// JSON error bodies for the API: `{"error": "...", "problems": [...]}`, at most `ProblemListing.limit` problems listed.
enum APIError {
    static func response(_ status: HTTPResponse.Status, _ message: String, problems: [AssessmentProblem] = []) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: body(message, problems: problems))))
    }

    static func body(_ message: String, problems: [AssessmentProblem] = []) -> [UInt8] {
        ProblemListing.body(message, problems: problems)
    }
}
