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

/// The API reads the times it is sent by hand; it must agree with a standard parser on every well-formed time.
@Suite struct InstantParseTests {
    static func standard(_ text: String) -> Instant? {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.date(from: text).map { Instant(milliseconds: Int64(($0.timeIntervalSince1970 * 1000).rounded())) }
    }

    @Test func readsWhatItWritesInEveryZone() async {
        await propertyCheck(count: 400, input: Gen.int(in: 631_152_000...2_208_988_800), Gen.element(of: InstantFormatTests.zones)) { seconds, zone in
            let instant = Instant(milliseconds: Int64(seconds) * 1000)
            let text = instant.rfc3339(in: FoundationZone(identifier: zone!)!)
            #expect(Instant(rfc3339: text) == instant)
            #expect(Instant(rfc3339: text) == Self.standard(text))
        }
    }

    @Test func fractionsAreKeptToTheMillisecond() {
        // What a browser's Date.toISOString() sends.
        #expect(Instant(rfc3339: "2026-11-25T15:00:00.250Z") == Instant(milliseconds: 1_795_618_800_250))
        #expect(Instant(rfc3339: "2026-11-25T10:00:00.2509-05:00") == Instant(milliseconds: 1_795_618_800_250))
        #expect(Instant(rfc3339: "2026-11-25t15:00:00z") == Instant(milliseconds: 1_795_618_800_000))
        #expect(Instant(rfc3339: "2026-11-01T12:15:00+05:45") == Instant(milliseconds: 1_793_514_600_000))
    }

    @Test(arguments: [
        "2026-11-25T10:00:00", "2026-11-25 10:00:00Z", "2026-11-25T10:00Z", "2026-02-30T10:00:00Z", "2026-11-25T24:00:00Z",
        "2026-11-25T10:60:00Z", "2026-11-25T10:00:60Z", "2026-11-25T10:00:00.Z", "2026-11-25T10:00:00.123",
        "2026-11-25T10:00:00+5:00", "2026-11-25T10:00:00+05:00 ", "2026-11-25T10:00:00-0500", "2026-11-25T10:00:00+24:00",
        "2026-11-25T1a:00:00Z", "tomorrow at ten", "", "2026-11-25T10:00:00Z' OR 1=1 --",
    ])
    func refusesAnythingElse(_ text: String) {
        // Stricter than Foundation's formatter, which takes 30 February, 24:00, "+5:00" and trailing text.
        #expect(Instant(rfc3339: text) == nil)
    }
}
