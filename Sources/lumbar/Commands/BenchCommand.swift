import ArgumentParser
import LumbarCore

/// `lumbar bench`: engine throughput on one core, JSON decoding and encoding included.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure the clinical engine (release build: swift run -c release lumbar bench, or the lighter lumbar-bench).")

    @Option(help: "How many assessments to time.")
    var count = 300_000

    @Option(help: "How many distinct cases to cycle through.")
    var cases = 1_000

    func run() {
        print(AssessmentBenchmark(count: count, cases: cases).run().report)
    }
}
