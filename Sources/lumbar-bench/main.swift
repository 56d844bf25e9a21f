// The engine benchmark without the server's dependencies, so a release build takes seconds:
// swift run -c release lumbar-bench [count]
import LumbarCore

let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 300_000
print(AssessmentBenchmark(count: count).run().report)
