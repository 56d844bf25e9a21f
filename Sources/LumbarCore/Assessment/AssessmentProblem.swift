/// One way an input breaks the contract, naming the field: prints as `painNow: must be 0-10, got 11`.
public struct AssessmentProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// Every problem found in one input; the input is rejected whole.
public struct AssessmentProblems: Error, Sendable, Equatable, CustomStringConvertible {
    public let problems: [AssessmentProblem]
    public init(_ problems: [AssessmentProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }

    /// `{"problems":[{"field":"…","message":"…"}]}`, the API's 422 body.
    public var json: String {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
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
        return writer.string
    }
}
