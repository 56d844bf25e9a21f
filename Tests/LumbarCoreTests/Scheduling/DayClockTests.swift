import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// A day's wall-clock times by arithmetic agree with the zone's at every minute, on the days the clocks change too.
@Suite struct DayClockTests {
    static let toronto = FoundationZone(identifier: "America/Toronto")!

    @Test(arguments: ["2026-03-08", "2026-11-01", "2026-06-15"])
    func everyMinuteOfTheDayAndItsNeighboursReadsAsTheZoneSays(date: String) async {
        let day = LocalDate(iso: date)!
        let clock = DayClock(date: day, zone: Self.toronto)
        let midnight = Self.toronto.instant(LocalDateTime(day, WallTime(minutes: 0)!))!
        // From an hour before the day to an hour after it: the minutes of other days are the zone's as well.
        await propertyCheck(count: 400, input: Gen.int(in: -60...(26 * 60))) { minute in
            let instant = midnight.adding(seconds: Int64(minute) * 60)
            #expect(clock.time(instant) == Self.toronto.local(instant).time, "\(date) +\(minute) min")
        }
    }
}
