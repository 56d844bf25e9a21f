// Benchmarks without the server's dependencies, so a release build takes seconds:
//   swift run -c release lumbar-bench [assessments] [availability] [hostile] [search]
// (search starts the whole app, so it is run only when named) [calendar]
import LumbarCore
import LumbarZones

let arguments = Set(CommandLine.arguments.dropFirst())
let all = arguments.isEmpty

if all || arguments.contains("assessments") {
    print("== clinical engine")
    print(AssessmentBenchmark().run().report)
}

if all || arguments.contains("availability") {
    print("== availability: 10 therapists, 28 days, America/Toronto (target ≤ 5 ms at 200 each, growth no faster than linear)")
    let zone = FoundationZone(identifier: "America/Toronto")!
    var previous: Double?
    for each in [100, 200, 400, 800] {
        let (ms, slots) = AvailabilityBenchmark(appointmentsEach: each).run(zone: zone)
        let growth = previous.map { " (×\(Double(Int($0 == 0 ? 0 : ms / $0 * 100)) / 100) for ×2 appointments)" } ?? ""
        print("appointments each: \(each), median: \(Double(Int(ms * 1000)) / 1000) ms, slots offered: \(slots)\(growth)")
        previous = ms
    }
}

if all || arguments.contains("hostile") {
    print("== hostile 1 MiB bodies to the assessment route: parse, validate, write the refusal (target: each answered in under 50 ms)")
    for figure in HostileBodyBenchmark().run() {
        print("\(figure.name): median \(Double(Int(figure.medianMilliseconds * 100)) / 100) ms, \(figure.problems) problems found, answer \(figure.answerBytes) bytes")
    }
}

if all || arguments.contains("calendar") {
    print("== week calendar: 10 therapists, a full week, America/Toronto (target: the page under 10 ms; this is its layout)")
    let zone = FoundationZone(identifier: "America/Toronto")!
    for therapists in [1, 5, 10, 20] {
        let (ms, appointments, entries) = CalendarGridBenchmark(therapists: therapists).run(zone: zone)
        print("therapists: \(therapists), appointments: \(appointments), entries drawn: \(entries), median: \(Double(Int(ms * 1000)) / 1000) ms")
    }
}

if arguments.contains("search") {
    print("== client search through HTTP, 100,000 clients, SQLite, one keep-alive connection (target: p99 under 5 ms per keystroke query)")
    let figures = try await SearchBenchmark().run()
    func ms(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100) ms" }
    print("seeded in \(Int(figures.seedSeconds)) s; \(figures.queries) queries (\(SearchBenchmark.keystrokes.count) keystrokes × \(SearchBenchmark().rounds)), \(Double(Int(figures.averageFound * 10)) / 10) clients found on average")
    print("p50 \(ms(figures.p50)), p90 \(ms(figures.p90)), p99 \(ms(figures.p99)), slowest \(ms(figures.worst))")
}
