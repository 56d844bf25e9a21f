import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// Times and dates as clients read them: "1:00 p.m.", "Tue 1 Dec", never a zone id.
@Suite struct SpokenTimeTests {
    static func at(_ hour: Int, _ minute: Int = 0) -> WallTime { WallTime(hour: hour, minute: minute)! }

    @Test func timesReadTheClinicsWay() {
        #expect(SpokenTime.time(Self.at(13)) == "1:00 p.m.")
        #expect(SpokenTime.time(Self.at(9, 30)) == "9:30 a.m.")
        #expect(SpokenTime.time(Self.at(12)) == "12:00 p.m.", "noon")
        #expect(SpokenTime.time(Self.at(0)) == "12:00 a.m.", "midnight")
        #expect(SpokenTime.time(Self.at(0, 5)) == "12:05 a.m.")
        #expect(SpokenTime.time(Self.at(12, 45)) == "12:45 p.m.")
        #expect(SpokenTime.time(Self.at(23, 59)) == "11:59 p.m.")
        #expect(SpokenTime.time(WallTime(minutes: 1440)!) == "12:00 a.m.", "the end of the day is midnight")
    }

    /// Read back as a person would, every minute of the day names that minute and no other.
    @Test func everyMinuteReadsBackToItself() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...1439)) { minutes in
            let text = SpokenTime.time(WallTime(minutes: minutes)!)
            let parts = text.split(separator: " ")
            #expect(parts.count == 2 && (parts[1] == "a.m." || parts[1] == "p.m."), "\(text)")
            let clock = parts[0].split(separator: ":").compactMap { Int($0) }
            #expect(clock.count == 2 && (1...12).contains(clock[0]) && parts[0].hasSuffix(String(format2(clock[1]))))
            let hour = clock[0] % 12 + (parts[1] == "p.m." ? 12 : 0)
            #expect(hour * 60 + clock[1] == minutes, "\(text)")
            #expect(!text.contains("America") && !text.contains("UTC"))
        }
    }

    @Test func datesReadInWords() {
        let tuesday = LocalDate(iso: "2026-12-01")!
        #expect(SpokenTime.shortDay(tuesday) == "Tue 1 Dec")
        #expect(SpokenTime.day(tuesday) == "Tuesday 1 December")
        #expect(SpokenTime.day(tuesday, today: LocalDate(iso: "2026-11-20")!) == "Tuesday 1 December", "this year: no year")
        #expect(SpokenTime.day(LocalDate(iso: "2027-01-01")!, today: tuesday) == "Friday 1 January 2027", "next year: named")
        #expect(SpokenTime.short(LocalDateTime(tuesday, Self.at(13))) == "Tue 1 Dec, 1:00 p.m.")
        #expect(SpokenTime.moment(LocalDateTime(tuesday, Self.at(9, 30))) == "Tuesday 1 December 2026 at 9:30 a.m.")
    }

    /// On the days the clocks change, instants read as the clinic's wall clock says: the repeated hour twice in
    /// autumn, the skipped hour never in spring.
    @Test func daylightSavingDaysReadTheWallClock() {
        let toronto = FoundationZone(identifier: "America/Toronto")!
        // 1 November 2026: 05:30 UTC is 1:30 a.m. daylight time, 06:30 UTC is 1:30 a.m. standard time.
        let first = Instant(milliseconds: 1_793_511_000_000)
        #expect(SpokenTime.short(toronto.local(first)) == "Sun 1 Nov, 1:30 a.m.")
        #expect(SpokenTime.short(toronto.local(first.adding(seconds: 3600))) == "Sun 1 Nov, 1:30 a.m.")
        #expect(SpokenTime.short(toronto.local(first.adding(seconds: 7200))) == "Sun 1 Nov, 2:30 a.m.")
        // 8 March 2026: 06:30 UTC is 1:30 a.m. standard time; an hour later it is 3:30 a.m. daylight time.
        let spring = Instant(milliseconds: 1_772_951_400_000)
        #expect(SpokenTime.short(toronto.local(spring)) == "Sun 8 Mar, 1:30 a.m.")
        #expect(SpokenTime.short(toronto.local(spring.adding(seconds: 3600))) == "Sun 8 Mar, 3:30 a.m.")
    }
}

private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
