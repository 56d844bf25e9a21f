import Foundation
import LumbarCore
import LumbarZones
import PropertyBased
import Testing

/// Timestamps the API sends carry the location's offset at that moment, exactly as a standard formatter writes them.
@Suite struct InstantFormatTests {
    static let zones = ["America/Toronto", "America/Vancouver", "America/St_Johns", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "UTC"]

    static func standard(_ instant: Instant, _ zone: String) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: zone)!
        // Whole seconds, as the API writes them (the instants tested are all after 1970).
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant.milliseconds / 1000)))
    }

    @Test func agreesWithTheStandardFormatter() async {
        // 1990 to 2040, to the millisecond.
        await propertyCheck(count: 400, input: Gen.int(in: 631_152_000_000...2_208_988_800_000), Gen.element(of: Self.zones)) { ms, zone in
            let instant = Instant(milliseconds: Int64(ms))
            #expect(instant.rfc3339(in: FoundationZone(identifier: zone!)!) == Self.standard(instant, zone!))
        }
    }

    @Test func daylightSavingDaysInToronto() {
        let toronto = FoundationZone(identifier: "America/Toronto")!
        // 2026-03-08: 01:59:59 EST is followed by 03:00:00 EDT. 2026-11-01: 01:30 happens twice.
        #expect(Instant(milliseconds: 1_772_953_199_000).rfc3339(in: toronto) == "2026-03-08T01:59:59-05:00")
        #expect(Instant(milliseconds: 1_772_953_200_000).rfc3339(in: toronto) == "2026-03-08T03:00:00-04:00")
        #expect(Instant(milliseconds: 1_793_511_000_000).rfc3339(in: toronto) == "2026-11-01T01:30:00-04:00")
        #expect(Instant(milliseconds: 1_793_514_600_000).rfc3339(in: toronto) == "2026-11-01T01:30:00-05:00")
        #expect(Instant(milliseconds: 1_793_514_600_000).rfc3339(in: FoundationZone(identifier: "Asia/Kathmandu")!) == "2026-11-01T12:15:00+05:45")
    }
}
