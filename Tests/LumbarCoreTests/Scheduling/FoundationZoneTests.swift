import Foundation
import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// The zone rules work dates out from UTC offsets alone; they must agree with Foundation's own calendar everywhere,
/// daylight-saving days and zones with half- and quarter-hour offsets included.
@Suite struct FoundationZoneTests {
    static let zones = ["America/Toronto", "America/Vancouver", "America/St_Johns", "America/Regina", "Europe/London",
                        "Australia/Lord_Howe", "Asia/Kathmandu", "UTC"]

    static func calendar(_ zone: String) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone)!
        return calendar
    }

    @Test func localTimeAgreesWithTheCalendar() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...2_208_988_800_000), Gen.element(of: Self.zones)) { ms, zone in
            let local = FoundationZone(identifier: zone!)!.local(Instant(milliseconds: Int64(ms)))
            let parts = Self.calendar(zone!).dateComponents([.year, .month, .day, .hour, .minute],
                                                            from: Date(timeIntervalSince1970: Double(ms / 1000)))
            #expect(local.date == LocalDate(year: parts.year!, month: parts.month!, day: parts.day!))
            #expect(local.time.minutes == parts.hour! * 60 + parts.minute!)
        }
    }

    @Test func wallTimesMapBackToTheirFirstInstant() async {
        await propertyCheck(count: 400, input: Gen.int(in: 0...36_816_480), Gen.element(of: Self.zones)) { minute, zone in
            let rules = FoundationZone(identifier: zone!)!
            let instant = Instant(milliseconds: Int64(minute) * 60_000)
            let local = rules.local(instant)
            let found = rules.instant(local)
            // The same wall time, at this instant or (in the repeated hour) an earlier one.
            #expect(found.map { rules.local($0) } == local)
            #expect(found.map { $0 <= instant } == true)
        }
    }

    @Test func skippedAndRepeatedHoursInToronto() {
        let toronto = FoundationZone(identifier: "America/Toronto")!
        let spring = LocalDate(iso: "2026-03-08")!, autumn = LocalDate(iso: "2026-11-01")!
        #expect(toronto.instant(LocalDateTime(spring, WallTime(minutes: 150)!)) == nil, "02:30 does not happen")
        #expect(toronto.instant(LocalDateTime(spring, WallTime(minutes: 180)!)) == Instant(milliseconds: 1_772_953_200_000))
        #expect(toronto.instant(LocalDateTime(autumn, WallTime(minutes: 90)!)) == Instant(milliseconds: 1_793_511_000_000), "the first 01:30")
        #expect(toronto.local(Instant(milliseconds: 1_793_514_600_000)) == LocalDateTime(autumn, WallTime(minutes: 90)!), "the second 01:30")
    }
}
