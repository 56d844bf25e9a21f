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

    /// `{"problems":[{"field":"…","message":"…"}]}`.
    public var json: String {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.key("problems")
        Self.write(problems, to: &writer)
        writer.endObject()
        return writer.string
    }

    /// The problems as a JSON array of `{"field", "message"}` objects.
    public static func write(_ problems: [AssessmentProblem], to writer: inout JSONWriter) {
        writer.objects(problems) { writer, problem in
            writer.field("field", problem.field)
            writer.field("message", problem.message)
        }
    }
}
