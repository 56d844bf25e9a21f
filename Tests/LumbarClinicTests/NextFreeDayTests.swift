import LumbarClinic
import LumbarCore
import LumbarZones
import PropertyBased
import Testing
import TestSupport

/// "Next free day" when the chosen day is full or closed: the day offered has a free time, and no day before it (from
/// the day after the chosen one, as far as online booking reaches) has one.
@Suite struct NextFreeDayTests {
    static let zone = FoundationZoneClock.toronto

    /// Theo works 09:00–17:00 on `open` weekdays (0 = Monday); each of `away` (days from today) is a day of time off.
    static func clinic(open: Set<Int>, away: [Int], horizon: Int) async throws -> (BookingServiceTests.Clinic, LocalDate) {
        let clinic = try await BookingServiceTests.clinic(rules: BookingRules(maximumAdvanceDays: horizon))
        let span = WeeklyHours.Span(start: WallTime(minutes: 9 * 60)!, end: WallTime(minutes: 17 * 60)!)!
        try await clinic.services.scheduling.setHours(therapistId: clinic.seed.theo.id, locationId: clinic.seed.location.id,
                                                      WeeklyHours(days: (0..<7).map { open.contains($0) ? [span] : [] }))
        let today = zone.local(BookingServiceTests.now).date
        for offset in away {
            let day = today.adding(days: offset)
            let range = TimeRange(start: zone.instant(LocalDateTime(day, WallTime(minutes: 0)!))!,
                                  end: zone.instant(LocalDateTime(day.adding(days: 1), WallTime(minutes: 0)!))!)
            _ = try await clinic.services.scheduling.addTimeOff(therapistId: clinic.seed.theo.id, range, note: "away")
        }
        return (clinic, today)
    }

    static func hasTime(_ clinic: BookingServiceTests.Clinic, _ day: LocalDate, therapist: String?) async throws -> Bool {
        !(try await clinic.booking.slots(serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id, therapistId: therapist,
                                          from: day, through: day, channel: .online).1.isEmpty)
    }

    @Test func aFullWeekendOffersMonday() async throws {
        // Wednesday 18 November 2026; Theo works weekdays only and is away Thursday and Friday.
        let (clinic, today) = try await Self.clinic(open: [0, 1, 2, 3, 4], away: [1, 2], horizon: 60)
        let next = try await clinic.booking.nextFreeDay(serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id, therapistId: nil,
                                                        after: today)
        #expect(next == LocalDate(iso: "2026-11-23"), "Monday, past the time off and the weekend")
    }

    @Test func nothingWithinReachOffersNothing() async throws {
        let (clinic, today) = try await Self.clinic(open: [], away: [], horizon: 60)
        #expect(try await clinic.booking.nextFreeDay(serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id, therapistId: nil,
                                                     after: today) == nil)
    }

    @Test func theDayOfferedIsTheFirstWithAFreeTime() async {
        let input = (Gen.int(in: 0...6).array(of: 0...4), Gen.int(in: 0...40).array(of: 0...12), Gen.int(in: 0...25), Gen.int(in: 3...45), Gen.bool())
        await propertyCheck(count: 40, input: input.0, input.1, input.2, input.3, input.4) { open, away, after, horizon, named in
            do {
                let (clinic, today) = try await Self.clinic(open: Set(open), away: away, horizon: horizon)
                let therapist = named ? clinic.seed.theo.id : nil
                let chosen = today.adding(days: after)
                let next = try await clinic.booking.nextFreeDay(serviceId: clinic.seed.service.id, locationId: clinic.seed.location.id,
                                                                therapistId: therapist, after: chosen)
                let last = today.adding(days: horizon)
                var day = chosen.adding(days: 1)
                while day <= (next ?? last) {
                    let free = try await Self.hasTime(clinic, day, therapist: therapist)
                    if day == next { #expect(free, "the day offered, \(day), has a free time") } else { #expect(!free, "\(day) is earlier and free") }
                    day = day.adding(days: 1)
                }
                if let next { #expect(next > chosen && next <= last) }
            } catch {
                Issue.record(error)
            }
        }
    }
}
