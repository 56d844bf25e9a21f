import LumbarCore
import LumbarZones
import PropertyBased
import Testing

@Suite struct AvailabilityTests {
    static let toronto = FoundationZone(identifier: "America/Toronto")!
    static let engine = AvailabilityEngine(zone: toronto)

    static func span(_ start: String, _ end: String) -> WeeklyHours.Span {
        WeeklyHours.Span(start: WallTime(start)!, end: WallTime(end)!)!
    }

    static func everyDay(_ start: String, _ end: String, lunch: (String, String)? = nil) -> WeeklyHours {
        WeeklyHours(days: Array(repeating: [span(start, end)], count: 7),
                    breaks: Array(repeating: lunch.map { [span($0.0, $0.1)] } ?? [], count: 7))
    }

    static func day(_ text: String) -> LocalDate { LocalDate(iso: text)! }

    static func request(_ from: String, _ through: String, hours: WeeklyHours = everyDay("09:00", "17:00"), minutes: Int = 60, buffer: Int = 15,
                        booked: [AvailabilityRequest.Booked] = [], rooms: [String] = [], therapists: [String] = ["t1"]) -> AvailabilityRequest {
        AvailabilityRequest(
            service: .init(minutes: minutes, bufferMinutes: buffer), rules: .init(minimumNoticeMinutes: 0, maximumAdvanceDays: 3650, slotStepMinutes: 15),
            from: day(from), through: day(through), therapists: therapists.map { ($0, hours) }, rooms: rooms, booked: booked,
            now: Instant(milliseconds: 1_767_225_600_000))  // 2026-01-01T00:00Z
    }

    static func localTimes(_ slots: [Slot], on date: String) -> [String] {
        slots.map { toronto.local($0.start) }.filter { $0.date == day(date) }.map(\.time.description)
    }

    @Test(arguments: ["2026-03-08", "2026-11-01"])
    func daylightSavingDaysKeepWallClockTimes(_ date: String) {
        let ordinary = Self.localTimes(Self.engine.slots(Self.request("2026-03-04", "2026-03-04")), on: "2026-03-04")
        let changeover = Self.localTimes(Self.engine.slots(Self.request(date, date)), on: date)
        #expect(changeover == ordinary)
        #expect(changeover.first == "09:00")
        #expect(changeover.last == "16:00")
    }

    @Test func skippedHourOffersNothingAndRepeatedHourOnce() {
        let night = Self.everyDay("00:00", "05:00")
        let spring = Self.localTimes(Self.engine.slots(Self.request("2026-03-08", "2026-03-08", hours: night, minutes: 30, buffer: 0)), on: "2026-03-08")
        #expect(!spring.contains { $0.hasPrefix("02:") })
        #expect(spring.contains("03:00") && spring.contains("01:00"))
        let autumn = Self.engine.slots(Self.request("2026-11-01", "2026-11-01", hours: night, minutes: 30, buffer: 0))
        #expect(Set(autumn.map(\.start)).count == autumn.count, "no instant offered twice")
        // A 30-minute appointment at 01:45 on the autumn day really lasts 30 minutes.
        #expect(autumn.allSatisfy { $0.end.milliseconds - $0.start.milliseconds == 30 * 60_000 })
    }

    @Test func appointmentsAndBuffersBlockTime() {
        let start = Self.toronto.instant(LocalDateTime(Self.day("2026-11-25"), WallTime("11:00")!))!
        let booked = AvailabilityRequest.Booked(therapistId: "t1", roomId: nil, occupied: TimeRange(start: start, end: start.adding(seconds: 75 * 60)))
        let times = Self.localTimes(Self.engine.slots(Self.request("2026-11-25", "2026-11-25", booked: [booked])), on: "2026-11-25")
        #expect(times.contains("09:45"), "09:45 + 60 min + 15 buffer ends exactly at 11:00")
        #expect(!times.contains("10:00"))
        #expect(!times.contains("12:00"), "the booked appointment's buffer runs to 12:15")
        #expect(times.contains("12:15"))
    }

    @Test func breaksAndTimeOffAreRespected() {
        var hours = Self.everyDay("09:00", "17:00", lunch: ("12:00", "13:00"))
        let away = Self.toronto.instant(LocalDateTime(Self.day("2026-11-26"), WallTime("00:00")!))!
        hours.timeOff = [TimeRange(start: away, end: away.adding(seconds: 86_400))]
        let slots = Self.engine.slots(Self.request("2026-11-25", "2026-11-26", hours: hours))
        let wednesday = Self.localTimes(slots, on: "2026-11-25")
        #expect(wednesday.contains("11:00") && !wednesday.contains("11:15") && wednesday.contains("13:00"))
        #expect(Self.localTimes(slots, on: "2026-11-26").isEmpty)
    }

    @Test func aSharedRoomHoldsOneAppointment() {
        let start = Self.toronto.instant(LocalDateTime(Self.day("2026-11-25"), WallTime("09:00")!))!
        let booked = AvailabilityRequest.Booked(therapistId: "t1", roomId: "room-a", occupied: TimeRange(start: start, end: start.adding(seconds: 75 * 60)))
        let slots = Self.engine.slots(Self.request("2026-11-25", "2026-11-25", booked: [booked], rooms: ["room-a"], therapists: ["t1", "t2"]))
        #expect(!slots.contains { $0.start == start }, "t2 is free at 09:00 but the only room is not")
        let anyone = Self.engine.firstAvailable(Self.request("2026-11-25", "2026-11-25", rooms: ["room-a"], therapists: ["t1", "t2"]))
        #expect(anyone.first?.therapistId == "t1")
        #expect(Set(anyone.map(\.start)).count == anyone.count)
    }

    @Test func noticeAndHorizon() {
        var request = Self.request("2026-11-24", "2026-12-31")
        request.now = Self.toronto.instant(LocalDateTime(Self.day("2026-11-24"), WallTime("10:00")!))!
        request.rules = .init(minimumNoticeMinutes: 120, maximumAdvanceDays: 7, slotStepMinutes: 30)
        let slots = Self.engine.slots(request)
        #expect(Self.toronto.local(slots.first!.start).time.description == "12:00")
        #expect(slots.allSatisfy { $0.start <= request.now.adding(seconds: 7 * 86_400) })
    }

    // Random schedules, including the two daylight-saving days.
    static let dates = Gen.element(of: ["2026-03-07", "2026-03-08", "2026-06-15", "2026-10-31", "2026-11-01", "2026-11-02"]).map { $0! }
    static let shape = Gen.int(in: 0...95).array(of: 6)
    static let bookings = Gen.int(in: 0...(96 * 3)).array(of: 0...12)

    @Test func offeredSlotsAreFreeInsideHoursAndBookable() async {
        await propertyCheck(count: 150, input: Self.dates, Self.shape, Self.bookings) { date, shape, bookings in
            let open = min(shape[0], 80) / 4 * 4 * 15, close = min(1440, open + 60 + shape[1] * 15)
            let hours = Self.everyDay(WallTime(minutes: open)!.description, close == 1440 ? "24:00" : WallTime(minutes: close)!.description,
                                      lunch: shape[2] % 2 == 0 ? nil : ("12:00", "12:30"))
            let base = Self.toronto.instant(LocalDateTime(Self.day(date), WallTime(minutes: 0)!)) ?? Instant(milliseconds: 0)
            let booked = bookings.map { offset in
                let start = base.adding(seconds: Int64(offset) * 15 * 60 - 86_400)
                return AvailabilityRequest.Booked(therapistId: offset % 3 == 0 ? "t2" : "t1", roomId: nil,
                                                  occupied: TimeRange(start: start, end: start.adding(seconds: Int64(15 + shape[3] * 5) * 60)))
            }
            let minutes = 30 + (shape[4] % 4) * 15, buffer = (shape[5] % 3) * 10
            var withTimeOff = hours
            let away = base.adding(seconds: Int64(shape[2]) * 15 * 60)
            withTimeOff.timeOff = shape[3] % 2 == 0 ? [] : [TimeRange(start: away, end: away.adding(seconds: Int64(shape[4] + 1) * 15 * 60))]
            let request = Self.request(date, date, hours: withTimeOff, minutes: minutes, buffer: buffer, booked: booked, therapists: ["t1", "t2"])
            for slot in Self.engine.slots(request) {
                let occupied = TimeRange(start: slot.start, end: slot.end.adding(seconds: Int64(buffer) * 60))
                #expect(!booked.contains { $0.therapistId == slot.therapistId && $0.occupied.overlaps(occupied) })
                #expect(!withTimeOff.timeOff.contains { $0.overlaps(occupied) }, "no slot during time off")
                let local = Self.toronto.local(slot.start)
                #expect(local.time.minutes >= open)
                #expect(slot.end <= Self.toronto.instant(LocalDateTime(Self.day(date).adding(days: close == 1440 ? 1 : 0), WallTime(minutes: close % 1440)!))!)
                if shape[2] % 2 == 1 {
                    let lunch = TimeRange(start: Self.toronto.instant(LocalDateTime(Self.day(date), WallTime("12:00")!))!,
                                          end: Self.toronto.instant(LocalDateTime(Self.day(date), WallTime("12:30")!))!)
                    #expect(!lunch.overlaps(TimeRange(start: slot.start, end: slot.end)))
                }
                #expect(Self.engine.fits(request, start: slot.start, therapistId: slot.therapistId))
            }
        }
    }

    @Test func bookingASlotTakesItAway() async {
        await propertyCheck(count: 100, input: Self.dates, Gen.int(in: 0...30)) { date, pick in
            let request = Self.request(date, date)
            let slots = Self.engine.slots(request)
            guard !slots.isEmpty else { return }
            let chosen = slots[pick % slots.count]
            var after = request
            after.booked.append(.init(therapistId: chosen.therapistId, roomId: nil, occupied: TimeRange(start: chosen.start, end: chosen.end.adding(seconds: 15 * 60))))
            let remaining = Self.engine.slots(after)
            #expect(!remaining.contains { $0.start == chosen.start })
            #expect(!Self.engine.fits(after, start: chosen.start, therapistId: chosen.therapistId))
        }
    }

    /// The "anyone" view is, at each time, the first therapist in order who is free: what listing every therapist's
    /// slots and keeping the first at each time gives, with therapists on different hours, shared rooms and bookings.
    @Test func anyoneGetsTheFirstFreeTherapistAtEachTime() async {
        await propertyCheck(count: 200, input: Self.dates, Self.shape, Self.bookings) { date, shape, bookings in
            let base = Self.toronto.instant(LocalDateTime(Self.day(date), WallTime(minutes: 0)!)) ?? Instant(milliseconds: 0)
            let hours = (0..<3).map { n in
                let open = (shape[n] % 48) * 10, close = min(1440, open + 90 + shape[n + 3] * 10)
                return Self.everyDay(WallTime(minutes: open)!.description, close == 1440 ? "24:00" : WallTime(minutes: close)!.description,
                                     lunch: shape[n] % 3 == 0 ? ("12:00", "12:45") : nil)
            }
            let rooms = shape[5] % 2 == 0 ? [] : ["room-a", "room-b"]
            let booked = bookings.map { offset in
                let start = base.adding(seconds: Int64(offset) * 15 * 60 - 86_400)
                return AvailabilityRequest.Booked(therapistId: ["t1", "t2", "t3"][offset % 3], roomId: rooms.isEmpty ? nil : rooms[offset % 2],
                                                  occupied: TimeRange(start: start, end: start.adding(seconds: Int64(30 + offset % 4 * 15) * 60)))
            }
            var request = Self.request(date, Self.day(date).adding(days: shape[4] % 3).description, minutes: 30 + (shape[4] % 4) * 15,
                                       buffer: (shape[5] % 3) * 10, booked: booked, rooms: rooms)
            request.therapists = zip(["t1", "t2", "t3"], hours).map { ($0, $1) }
            var seen = Set<Instant>()
            let firstOfEachTime = Self.engine.slots(request).filter { seen.insert($0.start).inserted }
            #expect(Self.engine.firstAvailable(request) == firstOfEachTime)
        }
    }
}
