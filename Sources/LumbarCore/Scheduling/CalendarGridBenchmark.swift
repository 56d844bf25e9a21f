/// Times the week calendar's layout for a full clinic: 10 therapists, Monday to Saturday 09:00–17:00 with lunch, every
/// working hour booked but one (60-minute visits with 15 minutes' turnover), one thread.
public struct CalendarGridBenchmark: Sendable {
    public let therapists: Int

    public init(therapists: Int = 10) { self.therapists = therapists }

    /// The median of `runs` timings in milliseconds, the appointments laid out, and the entries drawn.
    public func run(zone: any ZoneRules, runs: Int = 51) -> (milliseconds: Double, appointments: Int, entries: Int) {
        let input = makeInput(zone: zone)
        var timings: [Double] = []
        var entries = 0
        for _ in 0..<runs {
            let elapsed = ContinuousClock().measure {
                let grid = CalendarGrid(input, zone: zone)
                entries = grid.days.reduce(0) { $0 + $1.lanes.reduce(0) { $0 + $1.count } }
            }
            timings.append(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
        }
        return (timings.sorted()[runs / 2], input.appointments.count, entries)
    }

    /// The week of 2026-11-23, with "now" on its Wednesday at noon (so the current-time line and past times are drawn).
    func makeInput(zone: any ZoneRules) -> CalendarGrid.Input {
        let monday = LocalDate(year: 2026, month: 11, day: 23)!
        let days = (0..<7).map { monday.adding(days: $0) }
        let open = WeeklyHours.Span(start: WallTime(hour: 9)!, end: WallTime(hour: 17)!)!
        let lunch = WeeklyHours.Span(start: WallTime(hour: 12)!, end: WallTime(hour: 12, minute: 30)!)!
        let hours = WeeklyHours(days: (0..<7).map { $0 < 6 ? [open] : [] }, breaks: (0..<7).map { $0 < 6 ? [lunch] : [] })
        let ids = (0..<therapists).map { "therapist-\($0)" }
        var appointments: [Appointment] = []
        for (t, id) in ids.enumerated() {
            for day in days.prefix(6) {
                // 9:00, 10:15, 12:30, 13:45, 15:00 and one free hour that moves with the therapist.
                for (n, minute) in [540, 615, 750, 825, 900].enumerated() where (n + t) % 6 != 5 {
                    guard let start = zone.instant(LocalDateTime(day, WallTime(minutes: minute)!)) else { continue }
                    let end = start.adding(seconds: 3600)
                    appointments.append(Appointment(id: "a\(appointments.count)", clientId: "c\(appointments.count % 400)", therapistId: id, locationId: "l",
                                                    roomId: nil, serviceId: "s\(n % 3)", start: start, end: end, occupiedUntil: end.adding(seconds: 900),
                                                    status: n == 0 ? .arrived : .booked))
                }
            }
        }
        let now = zone.instant(LocalDateTime(monday.adding(days: 2), WallTime(hour: 12)!))!
        let request = AvailabilityRequest(
            service: .init(minutes: 15, bufferMinutes: 0), rules: .init(minimumNoticeMinutes: 0, maximumAdvanceDays: 3650, slotStepMinutes: 15),
            from: days[0], through: days[6], therapists: ids.map { ($0, hours) },
            booked: appointments.map { .init(therapistId: $0.therapistId, roomId: nil, occupied: $0.occupied) }, now: now)
        return CalendarGrid.Input(days: days, columns: ids.map { .init(id: $0, hours: hours) }, byRoom: false, appointments: appointments,
                                  showCancelled: false, availability: request)
    }
}
