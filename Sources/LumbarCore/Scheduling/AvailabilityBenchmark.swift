/// Times availability for a busy clinic: therapists × days × appointments each, "anyone" view, one thread.
public struct AvailabilityBenchmark: Sendable {
    public let therapists: Int
    public let days: Int
    public let appointmentsEach: Int

    public init(therapists: Int = 10, days: Int = 28, appointmentsEach: Int = 200) {
        self.therapists = therapists
        self.days = days
        self.appointmentsEach = appointmentsEach
    }

    /// The median of `runs` timings, in milliseconds, and how many slots were offered.
    public func run(zone: any ZoneRules, runs: Int = 21) -> (milliseconds: Double, slots: Int) {
        let request = makeRequest(zone: zone)
        let engine = AvailabilityEngine(zone: zone)
        var timings: [Double] = []
        var count = 0
        for _ in 0..<runs {
            let elapsed = ContinuousClock().measure { count = engine.slots(request).count }
            timings.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return (timings.sorted()[runs / 2], count)
    }

    /// Mon–Sat 09:00–17:00 with lunch; appointments spread over the weeks (some overlap, as double-booked
    /// imports do), from 2026-10-19 so the range crosses the 1 November daylight-saving change.
    func makeRequest(zone: any ZoneRules) -> AvailabilityRequest {
        let from = LocalDate(year: 2026, month: 10, day: 19)!
        let open = WeeklyHours.Span(start: WallTime(hour: 9)!, end: WallTime(hour: 17)!)!
        let lunch = WeeklyHours.Span(start: WallTime(hour: 12)!, end: WallTime(hour: 12, minute: 30)!)!
        let hours = WeeklyHours(days: (0..<7).map { $0 < 6 ? [open] : [] }, breaks: (0..<7).map { $0 < 6 ? [lunch] : [] })
        var sampler = AssessmentSampler(seed: 7)
        var booked: [AvailabilityRequest.Booked] = []
        let ids = (0..<therapists).map { "therapist-\($0)" }
        for id in ids {
            for _ in 0..<appointmentsEach {
                let day = from.adding(days: sampler.int(0...(days - 1)))
                let minute = 9 * 60 + sampler.int(0...31) * 15
                guard let start = zone.instant(LocalDateTime(day, WallTime(minutes: minute)!)) else { continue }
                booked.append(.init(therapistId: id, roomId: nil, occupied: TimeRange(start: start, end: start.adding(seconds: 75 * 60))))
            }
        }
        let now = zone.instant(LocalDateTime(from.adding(days: -1), WallTime(hour: 12)!))!
        return AvailabilityRequest(
            service: .init(minutes: 60, bufferMinutes: 15), rules: .init(minimumNoticeMinutes: 120, maximumAdvanceDays: 90, slotStepMinutes: 15),
            from: from, through: from.adding(days: days - 1), therapists: ids.map { ($0, hours) }, booked: booked, now: now)
    }
}
