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
        writer.beginArray()
        for problem in problems {
            writer.beginObject()
            writer.field("field", problem.field)
            writer.field("message", problem.message)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return Response(status: status, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: writer.bytes)))
    }
}
