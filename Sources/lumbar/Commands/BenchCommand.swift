import ArgumentParser
import LumbarCore

/// `lumbar bench assess`: engine throughput on one core, JSON decoding and encoding included.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench", abstract: "Measure the clinical engine (run a release build: swift run -c release lumbar bench).")

    @Option(help: "How many assessments to time.")
    var count = 300_000

    @Option(help: "How many distinct cases to cycle through.")
    var cases = 1_000

    func run() {
        var sampler = AssessmentSampler(seed: 42)
        let documents = (0..<cases).map { _ in Array(sampler.input().json.utf8) }
        let engine = AssessmentEngine()
        var outputBytes = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for index in 0..<count {
                guard case .success(let input) = AssessmentInputDecoder.decode(documents[index % documents.count]) else {
                    fatalError("sample case \(index % documents.count) did not decode")
                }
                var writer = JSONWriter()
                engine.assess(input).write(to: &writer)
                outputBytes &+= writer.bytes.count
            }
        }
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = Double(count) / seconds
        print("assessments: \(count) over \(cases) distinct cases, one thread")
        print("elapsed:     \(String(format3(seconds))) s")
        print("throughput:  \(Int(rate)) assessments/s (target ≥ 100000)")
        print("per case:    \(String(format3(seconds / Double(count) * 1e6))) µs; output \(outputBytes / count) bytes on average")
    }
}

func format3(_ value: Double) -> String {
    let scaled = (value * 1000).rounded() / 1000
    return String(scaled)
}
