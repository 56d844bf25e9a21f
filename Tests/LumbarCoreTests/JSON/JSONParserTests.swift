@testable import LumbarCore
import Testing

/// The strict parser's answers on hostile and careless input: where, and why, and in time linear in the input.
@Suite struct JSONParserTests {
    /// 100,000 distinct keys (a 1 MiB body) once took 8.5 s of CPU in a release build, checked by a scan per key.
    /// The limit is a guard against that returning, not a measurement (the benchmark measures: docs/performance.md).
    @Test(.timeLimit(.minutes(1))) func manyDistinctKeysAreReadInLinearTime() throws {
        let keys = 100_000
        let text = "{" + (0..<keys).map { "\"k\($0)\":0" }.joined(separator: ",") + "}"
        guard case .object(let members) = try JSONValue.parse(text) else { Issue.record("not an object"); return }
        #expect(members.count == keys)
        let repeated = String(text.dropLast()) + ",\"k99999\":1}"
        #expect(throws: JSONParseError(offset: text.utf8.count, reason: "field \"k99999\" appears twice", repeatedField: "k99999")) {
            try JSONValue.parse(repeated)
        }
    }

    /// Either side of the size where keys stop being scanned, a repeat is still found, and its path names where it is.
    @Test func aRepeatedKeyIsNamedWithItsPath() {
        for count in [2, JSONParser.scannedMembers - 1, JSONParser.scannedMembers, JSONParser.scannedMembers + 1, 100] {
            let members = (0..<count).map { "\"f\($0)\":\($0)" }.joined(separator: ",")
            let text = #"{"visits":[{"ok":true},{"#  + members + #","f0":"again"}]}"#
            do {
                _ = try JSONValue.parse(text)
                Issue.record("a repeat among \(count) keys was not found")
            } catch {
                #expect(error.repeatedField == "visits.1.f0", "among \(count) keys")
                #expect(error.reason == "field \"f0\" appears twice")
            }
        }
        // Keys equal as Swift compares text are one key, since fields are looked up that way.
        #expect(throws: JSONParseError.self) { try JSONValue.parse(#"{"é":1,"e\u0301":2}"#) }
    }

    @Test func trailingCommasAreNamedAsSuch() {
        for (text, reason) in [(#"{"a":1,}"#, "a comma before '}' (JSON allows no trailing comma)"), ("[1,2,]", "a comma before ']' (JSON allows no trailing comma)")] {
            #expect(throws: JSONParseError(offset: text.utf8.count - 1, reason: reason)) { try JSONValue.parse(text) }
        }
        do { _ = try JSONValue.parse(#"{"a":1,"b":}"#) } catch { #expect(error.repeatedField == nil) }
    }

    /// A hostile body of 100,000 bad fields gets the first 50 named and a count of the rest; a long name is cut.
    @Test func answersListAtMostFiftyProblems() {
        let many = (0..<100_000).map { AssessmentProblem(field: "k\($0)", message: "unknown field") }
        let shown = ProblemListing.shown(many)
        #expect(shown.count == ProblemListing.limit + 1)
        #expect(shown.prefix(ProblemListing.limit) == many.prefix(ProblemListing.limit))
        #expect(shown.last == AssessmentProblem(field: "body", message: "and 99950 more problems not listed"))
        #expect(ProblemListing.shown(Array(many.prefix(50))) == Array(many.prefix(50)))
        #expect(ProblemListing.shown(Array(many.prefix(51))).last?.message == "and 1 more problem not listed")
        let long = String(repeating: "e\u{301}", count: 10_000)
        let cut = ProblemListing.shown([AssessmentProblem(field: long, message: "unknown field")])
        #expect(cut[0].field.unicodeScalars.count == ProblemListing.longest + 1 && cut[0].field.hasSuffix("…"))
        #expect(ProblemListing.body("x", problems: many).count < 5_000)
    }
}
