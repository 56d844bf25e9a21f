import Foundation
import LumbarCore
import LumbarZones

/// The clinic's zone as pages use it: UTC instants to the clinic's wall clock and back (IANA zone), daylight saving
/// included. `rules` answers date arithmetic (a day's instants, local dates); the methods here give page text.
struct ZonedTime: Sendable {
    private let zone: TimeZone
    let rules: FoundationZone

    init(identifier: String) {
        zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")!
        rules = FoundationZone(identifier: zone.identifier)!
    }

    /// The instant the given local day begins in this zone.
    func startOf(_ day: LocalDate) -> Instant {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return Instant(milliseconds: Int64(date.timeIntervalSince1970 * 1000))
    }

    /// "2026-11-24 14:05" on the clinic's wall clock.
    func local(_ instant: Instant) -> String {
        // From the zone rules, not a DateFormatter: building one per call was a tenth of a chart page's time.
        let local = rules.local(instant)
        return "\(local.date) \(local.time)"
    }
}
