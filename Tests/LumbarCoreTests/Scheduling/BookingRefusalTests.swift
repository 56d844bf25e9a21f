import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// Every refused time names its cause, and the cause given is the one the hours, breaks, time off, bookings and
/// rules actually make: checked by hand for each cause (daylight-saving days among them) and against a plain
/// restatement of the rules for generated requests.
@Suite struct BookingRefusalTests {
    static let toronto = AvailabilityTests.toronto
    static let engine = AvailabilityTests.engine

    static func at(_ date: String, _ time: String) -> Instant {
        toronto.instant(LocalDateTime(AvailabilityTests.day(date), WallTime(time)!))!
    }

    /// Weekdays 09:00–17:00 with lunch 12:00–12:30, weekends off; Thursday 26 November 2026 away.
    static var hours: WeeklyHours {
        var hours = WeeklyHours(days: (0..<7).map { $0 < 5 ? [AvailabilityTests.span("09:00", "17:00")] : [] },
                                breaks: (0..<7).map { $0 < 5 ? [AvailabilityTests.span("12:00", "12:30")] : [] })
        hours.timeOff = [TimeRange(start: at("2026-11-26", "00:00"), end: at("2026-11-27", "00:00"))]
        return hours
    }

    static func request(now: Instant = at("2026-11-23", "08:00"), booked: [AvailabilityRequest.Booked] = [], rooms: [String] = [],
                        hours: WeeklyHours = hours) -> AvailabilityRequest {
        AvailabilityRequest(service: .init(minutes: 60, bufferMinutes: 15), rules: .init(minimumNoticeMinutes: 120, maximumAdvanceDays: 30, slotStepMinutes: 15),
                            from: AvailabilityTests.day("2026-11-23"), through: AvailabilityTests.day("2026-11-23"), therapists: [("t1", hours)],
                            rooms: rooms, booked: booked, now: now)
    }

    static func reason(_ request: AvailabilityRequest, _ start: Instant, therapist: String = "t1", online: Bool = true) -> BookingRefusal? {
        if case .failure(let reason) = engine.check(request, start: start, therapistId: therapist, enforceNotice: online) { return reason }
        return nil
    }

    @Test func eachCauseIsNamed() {
        let request = Self.request()
        #expect(Self.reason(request, Self.at("2026-11-23", "07:00")) == .inPast)
        #expect(Self.reason(request, Self.at("2026-11-23", "07:00"), online: false) == .inPast, "staff cannot book the past either")
        #expect(Self.reason(request, Self.at("2026-11-23", "09:30")) == .tooLittleNotice)
        #expect(Self.reason(request, Self.at("2026-11-23", "09:30"), online: false) == nil, "notice is for online bookings")
        #expect(Self.reason(request, Self.at("2027-01-04", "10:00")) == .beyondHorizon)
        #expect(Self.reason(request, Self.at("2027-01-04", "10:00"), online: false) == nil)
        #expect(Self.reason(request, Self.at("2026-11-28", "10:00")) == .dayOff, "a Saturday")
        #expect(Self.reason(request, Self.at("2026-11-24", "08:00")) == .outsideHours)
        #expect(Self.reason(request, Self.at("2026-11-24", "16:30")) == .outsideHours, "would run past 17:00")
        #expect(Self.reason(request, Self.at("2026-11-24", "11:45")) == .duringBreak)
        #expect(Self.reason(request, Self.at("2026-11-24", "12:15")) == .duringBreak)
        #expect(Self.reason(request, Self.at("2026-11-26", "10:00")) == .timeOff)
        #expect(Self.reason(request, Self.at("2026-11-24", "10:00"), therapist: "t9") == .noHoursHere)
        let start = Self.at("2026-11-24", "10:00")
        let booked = AvailabilityRequest.Booked(therapistId: "t1", roomId: nil, occupied: TimeRange(start: start, end: start.adding(seconds: 75 * 60)))
        #expect(Self.reason(Self.request(booked: [booked]), start.adding(seconds: 30 * 60)) == .therapistTaken)
        #expect(Self.reason(Self.request(booked: [booked]), start.adding(seconds: -60 * 60)) == .therapistTaken, "its turnover would overlap")
        let elsewhere = AvailabilityRequest.Booked(therapistId: "t2", roomId: "room-a", occupied: booked.occupied)
        #expect(Self.reason(Self.request(booked: [elsewhere], rooms: ["room-a"]), start) == .roomTaken)
        #expect(Self.reason(Self.request(booked: [elsewhere], rooms: ["room-a", "room-b"]), start) == nil)
        #expect(BookingRefusal.allCases.filter(\.isTaken) == [.therapistTaken, .roomTaken])
    }

    /// The spring change skips 02:00–03:00 and the autumn one repeats 01:00–02:00: a time the clocks skip, or the
    /// repeated hour's second pass, is refused as such; the rest of those days book as usual.
    @Test(arguments: ["2026-03-08", "2026-11-01"])
    func daylightSavingDays(_ date: String) {
        let night = WeeklyHours(days: Array(repeating: [AvailabilityTests.span("00:00", "06:00")], count: 7))
        var request = Self.request(now: Self.at("2026-01-01", "00:00"), hours: night)
        request.rules = .init(minimumNoticeMinutes: 0, maximumAdvanceDays: 3650, slotStepMinutes: 15)
        let midnight = Self.at(date, "00:00")
        let inTheGap = midnight.adding(seconds: 2 * 3600 + 30 * 60)  // 02:30 wall-clock in spring; 01:30 the second time in autumn
        if date == "2026-03-08" {
            #expect(Self.toronto.local(inTheGap).time.description == "03:30", "02:30 does not exist; this instant reads 03:30")
            #expect(Self.reason(request, inTheGap) == nil)
        } else {
            #expect(Self.toronto.local(inTheGap).time.description == "01:30")
            #expect(Self.reason(request, inTheGap) == .clockChange, "the second 01:30 of the night")
        }
        #expect(Self.reason(request, midnight.adding(seconds: 30 * 60)) == nil)
        #expect(Self.reason(request, Self.at(date, "05:30")) == .outsideHours, "would run past 06:00")
    }

    // MARK: The cause agrees with the rules, for generated requests

    /// The rules restated plainly, in the order a refusal reports them: the first that fails is the cause.
    static func expected(_ request: AvailabilityRequest, _ start: Instant, therapist: String, online: Bool) -> BookingRefusal? {
        let minutes = request.service.minutes
        let end = start.adding(seconds: Int64(minutes) * 60)
        let occupied = TimeRange(start: start, end: end.adding(seconds: Int64(request.service.bufferMinutes) * 60))
        if start < request.now { return .inPast }
        if online && start < request.now.adding(seconds: Int64(request.rules.minimumNoticeMinutes) * 60) { return .tooLittleNotice }
        if online && start > request.now.adding(seconds: Int64(request.rules.maximumAdvanceDays) * 86_400) { return .beyondHorizon }
        guard let hours = request.therapists.first(where: { $0.id == therapist })?.hours else { return .noHoursHere }
        let local = toronto.local(start)
        if toronto.instant(local) != start { return .clockChange }
        let weekday = local.date.weekdayIndex
        if hours.days[weekday].isEmpty { return .dayOff }
        let wall = local.time.minutes
        func closes(_ minute: Int) -> Instant? {
            minute == 1440 ? toronto.instant(LocalDateTime(local.date.adding(days: 1), WallTime(minutes: 0)!))
                : toronto.instant(LocalDateTime(local.date, WallTime(minutes: minute)!))
        }
        let inside = hours.days[weekday].contains { span in
            span.start.minutes <= wall && wall + minutes <= span.end.minutes && closes(span.end.minutes).map { end <= $0 } == true
        }
        if !inside { return .outsideHours }
        if hours.breaks[weekday].contains(where: { $0.start.minutes < wall + minutes && wall < $0.end.minutes }) { return .duringBreak }
        if hours.timeOff.contains(where: { $0.overlaps(occupied) }) { return .timeOff }
        if request.booked.contains(where: { $0.therapistId == therapist && $0.occupied.overlaps(occupied) }) { return .therapistTaken }
        if !request.rooms.isEmpty && request.rooms.allSatisfy({ room in request.booked.contains { $0.roomId == room && $0.occupied.overlaps(occupied) } }) {
            return .roomTaken
        }
        return nil
    }

    static let dates = Gen.element(of: ["2026-03-07", "2026-03-08", "2026-06-15", "2026-10-31", "2026-11-01", "2026-11-02"]).map { $0! }
    static let shape = Gen.int(in: 0...95).array(of: 9)
    static let bookings = Gen.int(in: 0...(96 * 3)).array(of: 0...10)

    @Test func theCauseGivenIsTheOneTheRulesMake() async {
        await propertyCheck(count: 300, input: Self.dates, Self.shape, Self.bookings) { date, shape, bookings in
            let day = AvailabilityTests.day(date)
            let base = Self.toronto.instant(LocalDateTime(day, WallTime(minutes: 0)!))!
            let open = (shape[0] % 40) * 15, close = min(1440, open + 60 + shape[1] * 10)
            let lunchStart = 600 + (shape[2] % 16) * 15
            // Some weekdays off (the next day's too, which late starts reach), and now and then the day itself.
            let works = (0..<7).map { weekday in weekday == day.weekdayIndex ? shape[3] % 5 != 0 : (shape[3] >> weekday) & 1 == 0 }
            var hours = WeeklyHours(
                days: works.map { $0 ? [WeeklyHours.Span(start: WallTime(minutes: open)!, end: WallTime(minutes: close)!)!] : [] },
                breaks: Array(repeating: shape[2] % 2 == 0 ? [] : [WeeklyHours.Span(start: WallTime(minutes: lunchStart)!, end: WallTime(minutes: lunchStart + 30)!)!],
                              count: 7))
            let away = base.adding(seconds: Int64(shape[4]) * 15 * 60)
            hours.timeOff = shape[4] % 3 == 0 ? [TimeRange(start: away, end: away.adding(seconds: Int64(shape[5] + 1) * 20 * 60))] : []
            let rooms = shape[6] % 3 == 0 ? ["room-a"] : shape[6] % 3 == 1 ? ["room-a", "room-b"] : []
            let booked = bookings.map { offset in
                let start = base.adding(seconds: Int64(offset) * 15 * 60 - 86_400)
                return AvailabilityRequest.Booked(therapistId: offset % 3 == 0 ? "t2" : "t1", roomId: rooms.isEmpty ? nil : rooms[offset % rooms.count],
                                                  occupied: TimeRange(start: start, end: start.adding(seconds: Int64(30 + offset % 4 * 15) * 60)))
            }
            let now = base.adding(seconds: Int64(shape[7] * 20 - 600) * 60)
            let request = AvailabilityRequest(
                service: .init(minutes: 30 + (shape[8] % 4) * 15, bufferMinutes: (shape[8] % 3) * 10),
                rules: .init(minimumNoticeMinutes: (shape[5] % 4) * 60, maximumAdvanceDays: 1 + shape[6] % 2, slotStepMinutes: 15),
                from: day, through: day, therapists: [("t1", hours), ("t2", hours)], rooms: rooms, booked: booked, now: now)
            let listed = Set(Self.engine.slots(request).map { "\($0.start.milliseconds) \($0.therapistId)" })
            // Every five minutes of the day as real instants, so the repeated hour's second pass and odd minutes are tried too.
            for step in 0..<(25 * 12) {
                let start = base.adding(seconds: Int64(step) * 5 * 60)
                for therapist in ["t1", "t2", "t3"] {
                    let online = (step + shape[0]) % 2 == 0
                    let result = Self.engine.check(request, start: start, therapistId: therapist, enforceNotice: online)
                    let expected = Self.expected(request, start, therapist: therapist, online: online)
                    switch result {
                    case .success(let slot):
                        #expect(expected == nil, "\(date) \(Self.toronto.local(start).time) \(therapist): fits, but the rules say \(String(describing: expected))")
                        #expect(slot.start == start && slot.therapistId == therapist)
                        if online && Self.toronto.local(start).date == day && Self.toronto.local(start).time.minutes % 15 == 0 {
                            #expect(listed.contains("\(start.milliseconds) \(therapist)"), "a bookable grid time is also offered")
                        }
                    case .failure(let reason):
                        #expect(reason == expected, "\(date) \(Self.toronto.local(start).time) \(therapist)")
                    }
                }
            }
        }
    }

    @Test func theNearestCauseWinsAmongTherapists() {
        #expect(BookingRefusal.nearest([.dayOff, .therapistTaken, .outsideHours]) == .therapistTaken)
        #expect(BookingRefusal.nearest([.duringBreak, .timeOff]) == .timeOff)
        #expect(BookingRefusal.nearest([]) == nil)
    }
}
