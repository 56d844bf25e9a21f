/// How an API answer lists problems: the first `limit` in full, then one line saying how many more there were,
/// so a hostile body of 100,000 bad fields gets a short answer rather than one larger than itself. A field name or
/// message quoting what was sent is cut at `longest` characters for the same reason.
public enum ProblemListing {
    public static let limit = 50
    public static let longest = 200

    /// The problems to show: all of them when there are at most `limit`, else the first `limit` and a count of the rest.
    public static func shown(_ problems: [AssessmentProblem]) -> [AssessmentProblem] {
        let listed = problems.prefix(limit).map { AssessmentProblem(field: cut($0.field), message: cut($0.message)) }
        guard problems.count > limit else { return listed }
        let more = problems.count - limit
        return listed + [AssessmentProblem(field: "body", message: "and \(more) more problem\(more == 1 ? "" : "s") not listed")]
    }

    /// Counted in Unicode scalars, not characters: one character can hold any number of combining marks.
    static func cut(_ text: String) -> String {
        guard text.utf8.count > longest else { return text }
        let scalars = text.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: longest, limitedBy: scalars.endIndex), end != scalars.endIndex else { return text }
        return String(scalars[..<end]) + "…"
    }

    /// `{"error": message, "problems": [...]}` with the problems cut as `shown` does.
    public static func body(_ message: String, problems: [AssessmentProblem]) -> [UInt8] {
        var writer = JSONWriter(capacity: 256)
        writer.beginObject()
        writer.field("error", message)
        writer.key("problems")
        AssessmentProblems.write(shown(problems), to: &writer)
        writer.endObject()
        return writer.bytes
    }
}
