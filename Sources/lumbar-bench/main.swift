// The benchmarks behind docs/performance.md, in a release build:
//   swift run -c release lumbar-bench [assessments] [availability] [hostile] [calendar] [calendar-page] [search] [chart-page] [reports]
// (calendar-page, search, chart-page and reports start the whole app on a new database, so they run only when named)
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

if arguments.contains("calendar-page") {
    print("== week calendar page through HTTP: 10 therapists, five visits each every day, SQLite, front desk (target: under 10 ms)")
    for figure in try await CalendarPageBenchmark().run() {
        func ms(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100) ms" }
        print("\(figure.view): \(figure.appointments) appointments drawn, \(figure.bytes / 1024) KiB; p50 \(ms(figure.p50)), p90 \(ms(figure.p90)), slowest \(ms(figure.worst))")
    }
}

if arguments.contains("search") {
    print("== client search through HTTP, 100,000 clients, SQLite, one keep-alive connection (target: p99 under 5 ms per keystroke query)")
    let figures = try await SearchBenchmark().run()
    func ms(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100) ms" }
    print("seeded in \(Int(figures.seedSeconds)) s; \(figures.queries) queries (\(SearchBenchmark.keystrokes.count) keystrokes × \(SearchBenchmark().rounds)), \(Double(Int(figures.averageFound * 10)) / 10) clients found on average")
    print("p50 \(ms(figures.p50)), p90 \(ms(figures.p90)), p99 \(ms(figures.p99)), slowest \(ms(figures.worst))")
    print("slowest keystrokes (their own p90): " + figures.slowest.map { "\"\($0.typed)\" \(ms($0.p90))" }.joined(separator: ", "))
}

if arguments.contains("chart-page") {
    print("== a client's chart through HTTP: 500 signed visits with their outcomes, SQLite, the owner (target: the chart under 20 ms, the FHIR export under 100 ms)")
    let (seedSeconds, figures) = try await ChartPageBenchmark().run()
    func ms(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100) ms" }
    print("seeded in \(Int(seedSeconds)) s")
    for figure in figures {
        print("\(figure.path): \(figure.bytes / 1024) KiB; p50 \(ms(figure.p50)), p90 \(ms(figure.p90)), p99 \(ms(figure.p99)), slowest \(ms(figure.worst))")
    }
}

if arguments.contains("reports") {
    print("== reports through HTTP: 10 therapists, 50,000 appointments over 1,000 days, SQLite, the owner (target: each under 100 ms)")
    let (seedSeconds, invoices, figures) = try await ReportsBenchmark().run()
    func ms(_ value: Double) -> String { "\(Double(Int(value * 100)) / 100) ms" }
    print("seeded in \(Int(seedSeconds)) s; about \(invoices) invoices (one a past visit, no-shows aside)")
    for figure in figures {
        print("\(figure.name): \(figure.bytes / 1024) KiB; p50 \(ms(figure.p50)), p90 \(ms(figure.p90)), p99 \(ms(figure.p99)), slowest \(ms(figure.worst))")
    }
}
