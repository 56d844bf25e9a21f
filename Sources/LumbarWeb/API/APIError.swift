import Hummingbird
import LumbarCore
import NIOCore

/// JSON error bodies for the API: `{"error": "...", "problems": [...]}`.
enum APIError {
    static func response(_ status: HTTPResponse.Status, _ message: String, problems: [AssessmentProblem] = []) -> Response {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.field("error", message)
        writer.key("problems")
        AssessmentProblems.write(problems, to: &writer)
        writer.endObject()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
