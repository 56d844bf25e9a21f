import Foundation
import LumbarCore
import PropertyBased
import Testing
@testable import LumbarWeb

/// Times on pages read as the clinic's wall clock, the same as a date formatter in the clinic's zone would write them.
@Suite struct ZonedTimeTests {
    static func formatted(_ instant: Instant, _ zone: String) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = TimeZone(identifier: zone)!
        formatter.locale = Locale(identifier: "en_CA")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant.milliseconds / 1000)))
    }

    @Test func wallClockAgreesWithADateFormatter() async {
        let zones = ["America/Toronto", "America/Halifax", "America/St_Johns", "America/Vancouver", "UTC"]
        await propertyCheck(count: 300, input: Gen.int(in: 946_684_800_000...2_208_988_800_000), Gen.element(of: zones)) { ms, zone in
            let instant = Instant(milliseconds: Int64(ms))
            #expect(ZonedTime(identifier: zone!).local(instant) == Self.formatted(instant, zone!))
        }
    }

    @Test func theRepeatedHourInNovember() {
        let toronto = ZonedTime(identifier: "America/Toronto")
        #expect(toronto.local(Instant(milliseconds: 1_793_511_000_000)) == "2026-11-01 01:30")
        #expect(toronto.local(Instant(milliseconds: 1_793_514_600_000)) == "2026-11-01 01:30")
        #expect(toronto.local(Instant(milliseconds: 1_793_518_200_000)) == "2026-11-01 02:30")
    }

    /// Where a day starts, as a calendar in the zone says; São Paulo skipped midnight itself on 2018-11-04.
    @Test func dayStartsAgreeWithTheCalendar() async {
        let zones = ["America/Toronto", "America/St_Johns", "America/Sao_Paulo", "Australia/Lord_Howe", "UTC"]
        await propertyCheck(count: 300, input: Gen.int(in: 10_957...25_567), Gen.element(of: zones)) { days, zone in
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: zone!)!
            let day = LocalDate(daysSinceEpoch: days)
            let date = calendar.startOfDay(for: calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: 12))!)
            #expect(ZonedTime(identifier: zone!).startOf(day) == Instant(milliseconds: Int64(date.timeIntervalSince1970 * 1000)))
        }
        let saoPaulo = ZonedTime(identifier: "America/Sao_Paulo")
        #expect(saoPaulo.local(saoPaulo.startOf(LocalDate(year: 2018, month: 11, day: 4)!)) == "2018-11-04 01:00")
    }
}
