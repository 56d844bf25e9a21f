/// Times what the assessment route does with a hostile 1 MiB body (the largest it accepts): parse, validate and
/// write the refusal. Each shape aims at a different cost: many keys, deep nesting, long escapes, many items.
public struct HostileBodyBenchmark: Sendable {
    public struct Case: Sendable {
        public let name: String
        public let body: [UInt8]
    }

    public struct Figure: Sendable {
        public let name: String
        public let bodyBytes: Int
        public let medianMilliseconds: Double
        public let answerBytes: Int
        public let problems: Int
    }

    public static let bodyBytes = 1_048_576
    public let runs: Int

    public init(runs: Int = 11) { self.runs = runs }

    /// Bodies of exactly 1 MiB, padded with spaces after the document.
    public static func cases() -> [Case] {
        func padded(_ name: String, _ text: String) -> Case {
            var bytes = Array(text.utf8)
            precondition(bytes.count <= bodyBytes, "\(name) is over 1 MiB")
            bytes += [UInt8](repeating: 0x20, count: bodyBytes - bytes.count)
            return Case(name: name, body: bytes)
        }
        // Four base-36 letters make 100,000 distinct keys of 9 bytes each ("abcd":0,).
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let keys = (0..<100_000).map { number -> String in
            var value = number, key = ""
            for _ in 0..<4 { key.append(digits[value % 36]); value /= 36 }
            return "\"\(key)\":0"
        }
        let escapes = String(repeating: "\\u00e9", count: (bodyBytes - 40) / 6)
        let items = String(repeating: "0,", count: (bodyBytes - 40) / 2)
        return [
            padded("100,000 distinct unknown keys", "{" + keys.joined(separator: ",") + "}"),
            padded("100,000 keys, the last a repeat", "{" + keys.joined(separator: ",") + ",\"0000\":1}"),
            padded("1 MiB of opening brackets", String(repeating: "[", count: bodyBytes)),
            padded("one string of 174,000 escapes", "{\"note\":\"" + escapes + "\"}"),
            padded("520,000 numbers where codes belong", "{\"findings\":[" + items + "0]}"),
        ]
    }

    public func run() -> [Figure] {
        Self.cases().map { hostile in
            var times: [Double] = []
            var answer: [UInt8] = []
            var count = 0
            for _ in 0..<runs {
                let elapsed = ContinuousClock().measure {
                    let problems: [AssessmentProblem]
                    switch AssessmentInputDecoder.decode(hostile.body) {
                    case .success: problems = []
                    case .failure(let failure): problems = failure.problems
                    }
                    answer = ProblemListing.body("The input breaks the assessment contract.", problems: problems)
                    count = problems.count
                }
                times.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
            }
            return Figure(name: hostile.name, bodyBytes: hostile.body.count, medianMilliseconds: times.sorted()[times.count / 2],
                          answerBytes: answer.count, problems: count)
        }
    }
}
