import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// The calendar's time grid: rows from instants (daylight-saving days included), free times only where nobody is
/// booked and the therapist works, every appointment drawn once.
@Suite struct CalendarGridTests {
    static let toronto = FoundationZone(identifier: "America/Toronto")!
    static let now = Instant(milliseconds: 1_767_225_600_000)  // 2026-01-01T00:00Z, before every day used here

    static func span(_ start: String, _ end: String) -> WeeklyHours.Span { WeeklyHours.Span(start: WallTime(start)!, end: WallTime(end)!)! }

    static func at(_ date: String, _ time: String) -> Instant { toronto.instant(LocalDateTime(LocalDate(iso: date)!, WallTime(time)!))! }

    static func appointment(_ id: String, _ date: String, _ time: String, minutes: Int = 60, buffer: Int = 15, therapist: String = "t1",
                            status: Appointment.Status = .booked) -> Appointment {
        let start = at(date, time), end = start.adding(seconds: Int64(minutes) * 60)
        return Appointment(id: id, clientId: "c-\(id)", therapistId: therapist, locationId: "l1", roomId: nil, serviceId: "s1", start: start, end: end,
                           occupiedUntil: end.adding(seconds: Int64(buffer) * 60), status: status)
    }

    static func grid(_ dates: [String], hours: WeeklyHours, appointments: [Appointment] = [], showCancelled: Bool = false, now: Instant = now,
                     therapists: [String] = ["t1"], serviceMinutes: Int = 15) -> CalendarGrid {
        let booked = appointments.filter(\.status.holdsTime).map { AvailabilityRequest.Booked(therapistId: $0.therapistId, roomId: nil, occupied: $0.occupied) }
        let request = AvailabilityRequest(service: .init(minutes: serviceMinutes, bufferMinutes: 0), rules: .init(minimumNoticeMinutes: 0, maximumAdvanceDays: 3650, slotStepMinutes: 15),
                                          from: LocalDate(iso: dates[0])!, through: LocalDate(iso: dates.last!)!,
                                          therapists: therapists.map { ($0, hours) }, booked: booked, now: now)
        return CalendarGrid(.init(days: dates.map { LocalDate(iso: $0)! }, columns: therapists.map { .init(id: $0, hours: hours) }, byRoom: false,
                                  appointments: appointments, showCancelled: showCancelled, availability: request), zone: toronto)
    }

    static func weekdays(_ start: String, _ end: String, lunch: (String, String)? = nil) -> WeeklyHours {
        WeeklyHours(days: Array(repeating: [span(start, end)], count: 7), breaks: Array(repeating: lunch.map { [span($0.0, $0.1)] } ?? [], count: 7))
    }

    @Test func blocksArePlacedAndSizedByTheirTimes() throws {
        let grid = Self.grid(["2026-11-24"], hours: Self.weekdays("09:00", "17:00", lunch: ("12:00", "12:30")),
                             appointments: [Self.appointment("a", "2026-11-24", "10:00", minutes: 90)])
        #expect(grid.firstMinute == 9 * 60 && grid.lastMinute == 17 * 60)
        let day = try #require(grid.days.first)
        #expect(day.rows == 96, "eight hours of five-minute rows")
        #expect(day.hours.map(\.row) == [1, 13, 25, 37, 49, 61, 73, 85])
        let lane = day.lanes[0]
        let booked = try #require(lane.first { $0.kind == .appointment(0) })
        #expect(booked.row == 13 && booked.span == 18, "10:00 is an hour after 9:00; 90 minutes are 18 rows")
        let lunch = try #require(lane.first { $0.kind == .breakTime })
        #expect(lunch.row == 37 && lunch.span == 6)
        let free = lane.filter { $0.kind == .free }
        #expect(free.first?.row == 1 && free.allSatisfy { $0.span == 3 })
        // 10:00–11:45 (with turnover) and 12:00–12:30 taken: 32 steps less 7 and 2.
        #expect(free.count == 32 - 7 - 2)
        #expect(lane.contains { $0.kind == .gap && $0.start == Self.at("2026-11-24", "11:30") }, "the turnover after the appointment is not offered")
    }

    /// Free times are starts where the clinic's shortest visit fits: a 45-minute gap offers nothing for an hour's visit,
    /// and the last start is an hour before closing.
    @Test func aGapTooShortForAnyVisitIsNotOffered() throws {
        let grid = Self.grid(["2026-11-24"], hours: Self.weekdays("09:00", "17:00"),
                             appointments: [Self.appointment("a", "2026-11-24", "10:00"), Self.appointment("b", "2026-11-24", "12:00")],
                             serviceMinutes: 60)
        let free = grid.days[0].lanes[0].filter { $0.kind == .free }.map(\.start)
        #expect(free.contains(Self.at("2026-11-24", "09:00")) && !free.contains(Self.at("2026-11-24", "09:15")))
        #expect(!free.contains { $0 >= Self.at("2026-11-24", "11:15") && $0 < Self.at("2026-11-24", "12:00") }, "11:15 to 12:00 fits no hour")
        #expect(free.last == Self.at("2026-11-24", "16:00") && free.contains(Self.at("2026-11-24", "13:15")))
    }

    @Test func nobodyWorkingShowsEightToEight() {
        let grid = Self.grid(["2026-11-24"], hours: WeeklyHours())
        #expect(grid.firstMinute == 8 * 60 && grid.lastMinute == 20 * 60)
        #expect(grid.days[0].lanes[0].allSatisfy { $0.kind == .closed })
    }

    @Test func aDaylightSavingDayHasTwentyThreeOrTwentyFiveHours() throws {
        let allDay = Self.weekdays("00:00", "24:00")
        let spring = try #require(Self.grid(["2026-03-08"], hours: allDay).days.first)
        #expect(spring.rows == 23 * 12)
        #expect(spring.hours.count == 23 && !spring.hours.contains { $0.time.minutes == 120 }, "2:00 never happens")
        #expect(spring.hours.map(\.time.minutes).prefix(3) == [0, 60, 180])
        let autumn = try #require(Self.grid(["2026-11-01"], hours: allDay).days.first)
        #expect(autumn.rows == 25 * 12)
        #expect(autumn.hours.filter { $0.time.minutes == 60 }.count == 2, "1:00 happens twice")
        // 3:00 on the spring day is two real hours after midnight.
        let booked = Self.grid(["2026-03-08"], hours: allDay, appointments: [Self.appointment("a", "2026-03-08", "03:00")]).days[0].lanes[0]
        let block = try #require(booked.first { $0.kind == .appointment(0) })
        #expect(block.row == 1 + 2 * 12 && block.span == 12)
        // The free steps of the autumn day are each 15 real minutes; the repeated hour is offered once, as booking offers it.
        let free = autumn.lanes[0].filter { $0.kind == .free }
        #expect(free.count == 24 * 4 && free.allSatisfy { $0.minutes == 15 })
        #expect(autumn.lanes[0].last?.end == autumn.end, "the second 1:00 hour is drawn, not lost")
    }

    @Test func pastTimeIsNotOfferedAndTheNowLineIsShown() throws {
        let now = Self.at("2026-11-24", "13:02")
        let day = try #require(Self.grid(["2026-11-24"], hours: Self.weekdays("09:00", "17:00"), now: now).days.first)
        let free = day.lanes[0].filter { $0.kind == .free }
        #expect(free.allSatisfy { $0.start >= now } && free.first?.start == Self.at("2026-11-24", "13:15"))
        #expect(day.nowRow == 1 + (4 * 60) / 5)
    }

    @Test func cancelledAppointmentsAreDrawnOnlyWhenAskedAndLateOnesAlways() {
        let appointments = [Self.appointment("a", "2026-11-24", "10:00", status: .cancelled), Self.appointment("b", "2026-11-24", "14:00", status: .lateCancelled)]
        let hidden = Self.grid(["2026-11-24"], hours: Self.weekdays("09:00", "17:00"), appointments: appointments).days[0].lanes[0]
        #expect(!hidden.contains { $0.kind == .appointment(0) } && hidden.contains { $0.kind == .appointment(1) })
        #expect(hidden.contains { $0.kind == .free && $0.start == Self.at("2026-11-24", "14:00") }, "a cancellation frees its time")
        let shown = Self.grid(["2026-11-24"], hours: Self.weekdays("09:00", "17:00"), appointments: appointments, showCancelled: true).days[0].lanes[0]
        #expect(shown.contains { $0.kind == .appointment(0) })
    }

    static let dates = Gen.element(of: ["2026-03-08", "2026-06-15", "2026-11-01", "2026-11-24"]).map { $0! }
    static let shape = Gen.int(in: 0...95).array(of: 6)
    static let bookings = Gen.int(in: 0...(4 * 24)).array(of: 0...10)

    @Test func freeTimesNeverOverlapWhatIsTakenAndEveryAppointmentShowsOnce() async {
        await propertyCheck(count: 150, input: Self.dates, Self.shape, Self.bookings) { date, shape, bookings in
            let open = min(shape[0], 60) / 4 * 60, close = min(1440, open + 120 + shape[1] * 15)
            var hours = WeeklyHours(days: Array(repeating: [WeeklyHours.Span(start: WallTime(minutes: open)!, end: WallTime(minutes: close)!)!], count: 7),
                                    breaks: Array(repeating: shape[2] % 2 == 0 ? [] : [Self.span("12:00", "12:45")], count: 7))
            let day = LocalDate(iso: date)!
            let midnight = Self.toronto.instant(LocalDateTime(day, WallTime(minutes: 0)!))!
            if shape[3] % 3 == 0 {
                let from = midnight.adding(seconds: Int64(shape[4] * 15 * 60))
                hours.timeOff = [TimeRange(start: from, end: from.adding(seconds: Int64(30 + shape[5] * 15) * 60))]
            }
            // Appointments that never overlap one another (taken in order, each after the last one's turnover).
            var appointments: [Appointment] = []
            var free = midnight
            for (index, quarter) in bookings.sorted().enumerated() {
                let start = midnight.adding(seconds: Int64(quarter) * 15 * 60)
                guard start >= free, Self.toronto.local(start).date == day else { continue }
                let end = start.adding(seconds: Int64(30 + (quarter % 4) * 15) * 60)
                let status: Appointment.Status = index % 5 == 4 ? .cancelled : index % 7 == 6 ? .arrived : .booked
                appointments.append(Appointment(id: "a\(index)", clientId: "c", therapistId: "t1", locationId: "l1", roomId: nil, serviceId: "s1",
                                                start: start, end: end, occupiedUntil: end.adding(seconds: 15 * 60), status: status))
                if status.holdsTime { free = end.adding(seconds: 15 * 60) }
            }
            let grid = Self.grid([date], hours: hours, appointments: appointments, showCancelled: true)
            let lane = grid.days[0].lanes[0]
            let taken = appointments.filter(\.status.holdsTime).map(\.occupied) + hours.timeOff
            let breaks = hours.breaks[day.weekdayIndex].compactMap { span -> TimeRange? in
                guard let a = Self.toronto.instant(LocalDateTime(day, span.start)), let b = Self.toronto.instant(LocalDateTime(day, span.end)) else { return nil }
                return TimeRange(start: a, end: b)
            }
            for entry in lane where entry.kind == .free {
                let range = TimeRange(start: entry.start, end: entry.end)
                #expect(!(taken + breaks).contains { $0.overlaps(range) }, "\(date): a free time at \(Self.toronto.local(entry.start).time) overlaps what is taken")
            }
            // Each appointment of the day exactly once.
            for (index, appointment) in appointments.enumerated() where Self.toronto.local(appointment.start).time.minutes >= grid.firstMinute {
                #expect(lane.filter { $0.kind == .appointment(index) }.count == 1, "\(appointment.id) drawn once")
            }
            // Everything but cancellations tiles the day: no overlaps, no holes.
            let tiled = lane.filter { if case .appointment(let i) = $0.kind { return appointments[i].status.holdsTime } else { return true } }
            #expect(tiled.first?.start == grid.days[0].start && tiled.last?.end == grid.days[0].end)
            for (a, b) in zip(tiled, tiled.dropFirst()) { #expect(a.end == b.start, "\(date): \(a.kind) then \(b.kind)") }
        }
    }
}
