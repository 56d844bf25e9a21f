/// Times the engine end to end (parse JSON, validate, assess, write JSON) on one thread over varied cases.
public struct AssessmentBenchmark: Sendable {
    public struct Result: Sendable {
        public let assessments: Int
        public let distinctCases: Int
        public let seconds: Double
        public let averageOutputBytes: Int
        public var perSecond: Double { Double(assessments) / seconds }

        public var report: String {
            """
            assessments: \(assessments) over \(distinctCases) distinct cases, one thread
            elapsed:     \(Self.rounded(seconds, 3)) s
            throughput:  \(Int(perSecond)) assessments/s (target ≥ 100000)
            per case:    \(Self.rounded(seconds / Double(assessments) * 1e6, 2)) µs; output \(averageOutputBytes) bytes on average
            """
        }

        static func rounded(_ value: Double, _ places: Int) -> String {
            var scale = 1.0
            for _ in 0..<places { scale *= 10 }
            return String((value * scale).rounded() / scale)
        }
    }

    public let count: Int
    public let cases: Int

    public init(count: Int = 300_000, cases: Int = 1_000) {
        self.count = count
        self.cases = cases
    }

    public func run() -> Result {
        var sampler = AssessmentSampler(seed: 42)
        let documents = (0..<cases).map { _ in Array(sampler.input().json.utf8) }
        let engine = AssessmentEngine()
        var outputBytes = 0
        let elapsed = ContinuousClock().measure {
            for index in 0..<count {
                guard case .success(let input) = AssessmentInputDecoder.decode(documents[index % documents.count]) else {
                    preconditionFailure("sample case \(index % documents.count) did not decode")
                }
                var writer = JSONWriter()
                engine.assess(input).write(to: &writer)
                outputBytes &+= writer.bytes.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return Result(assessments: count, distinctCases: cases, seconds: seconds, averageOutputBytes: outputBytes / max(count, 1))
    }
}
