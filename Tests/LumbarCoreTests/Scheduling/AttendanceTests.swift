import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// When a visit may be marked arrived or a no-show, and when the mark may be taken back: never a no-show before the
/// client's time, never an arrival before the visit's day, and a mistake undone only on the visit's own day (a
/// daylight-saving day included, which is 23 or 25 hours long on the wall clock).
@Suite struct AttendanceTests {
    static let toronto = FoundationZone(identifier: "America/Toronto")!

    static func visit(_ date: String, _ time: String, status: Appointment.Status = .booked) -> Appointment {
        CalendarGridTests.appointment("a1", date, time, status: status)
    }

    @Test func aNoShowWaitsForTheClientsTimeAndAnArrivalForTheirDay() {
        let appointment = Self.visit("2026-11-24", "10:00")
        let evening = CalendarGridTests.at("2026-11-23", "19:00")
        #expect(Attendance.refusal(.noShow, appointment, now: evening, zone: Self.toronto)
            == "A client can be marked as a no-show only once their time has come: from 10:00 a.m. on Tue 24 Nov.")
        #expect(Attendance.refusal(.arrived, appointment, now: evening, zone: Self.toronto)
            == "A client can be marked arrived only on the day of their visit: Tue 24 Nov.")
        #expect(Attendance.refusal(.arrived, appointment, now: CalendarGridTests.at("2026-11-23", "23:59"), zone: Self.toronto) != nil)
        #expect(Attendance.refusal(.arrived, appointment, now: CalendarGridTests.at("2026-11-24", "00:00"), zone: Self.toronto) == nil)
        #expect(Attendance.refusal(.arrived, appointment, now: CalendarGridTests.at("2026-11-30", "12:00"), zone: Self.toronto) == nil, "or later, if forgotten")
        #expect(Attendance.refusal(.noShow, appointment, now: CalendarGridTests.at("2026-11-24", "09:59"), zone: Self.toronto) != nil)
        #expect(Attendance.refusal(.noShow, appointment, now: CalendarGridTests.at("2026-11-24", "10:00"), zone: Self.toronto) == nil)
        #expect(Attendance.refusal(.undo, appointment, now: CalendarGridTests.at("2026-11-24", "10:00"), zone: Self.toronto)
            == "Only an arrival or a no-show can be taken back.")
    }

    @Test func onlyABookedVisitIsMarkedAndOnlyAMarkIsTakenBack() {
        let later = CalendarGridTests.at("2026-11-24", "11:00")
        for status in Appointment.Status.allCases {
            let appointment = Self.visit("2026-11-24", "10:00", status: status)
            #expect((Attendance.refusal(.arrived, appointment, now: later, zone: Self.toronto) == nil) == (status == .booked), "\(status)")
            #expect((Attendance.refusal(.noShow, appointment, now: later, zone: Self.toronto) == nil) == (status == .booked), "\(status)")
            #expect((Attendance.refusal(.undo, appointment, now: later, zone: Self.toronto) == nil) == [.arrived, .noShow].contains(status), "\(status)")
        }
        #expect(Attendance.status(after: .arrived) == .arrived && Attendance.status(after: .noShow) == .noShow && Attendance.status(after: .undo) == .booked)
    }

    @Test(arguments: ["2026-03-08", "2026-11-01", "2026-06-15"])
    func aMarkIsTakenBackUntilTheVisitsDayEndsOnTheWallClock(date: String) {
        let arrived = Self.visit(date, "10:00", status: .arrived)
        let day = LocalDate(iso: date)!
        let lastMinute = CalendarGridTests.at(date, "23:59"), nextMidnight = Self.toronto.instant(LocalDateTime(day.adding(days: 1), WallTime(minutes: 0)!))!
        #expect(Attendance.refusal(.undo, arrived, now: lastMinute, zone: Self.toronto) == nil)
        #expect(Attendance.refusal(.undo, arrived, now: nextMidnight, zone: Self.toronto)
            == "An arrival or a no-show can be taken back only on the day of the visit.")
    }

    /// Any moment, any start: a no-show is allowed exactly when the start has come, an arrival exactly from the visit's
    /// day on the wall clock.
    @Test func theLinesAreExactAtEveryMinute() async {
        let base = CalendarGridTests.at("2026-11-01", "00:00")  // a fall-back day: 25 hours on the wall
        await propertyCheck(count: 300, input: Gen.int(in: 0...(3 * 24 * 60)), Gen.int(in: 0...(3 * 24 * 60))) { startMinute, nowMinute in
            let start = base.adding(seconds: Int64(startMinute) * 60)
            let appointment = Appointment(id: "a", clientId: "c", therapistId: "t", locationId: "l", roomId: nil, serviceId: "s", start: start,
                                          end: start.adding(seconds: 3600), occupiedUntil: start.adding(seconds: 4500))
            let now = base.adding(seconds: Int64(nowMinute) * 60)
            #expect((Attendance.refusal(.noShow, appointment, now: now, zone: Self.toronto) == nil) == (now >= start))
            #expect((Attendance.refusal(.arrived, appointment, now: now, zone: Self.toronto) == nil)
                    == (Self.toronto.local(now).date >= Self.toronto.local(start).date))
        }
    }
}
