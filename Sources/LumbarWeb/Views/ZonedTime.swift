import LumbarCore
import LumbarZones

/// The clinic's zone as pages use it: UTC instants to the clinic's wall clock and back (IANA zone), daylight saving
/// included. `rules` answers date arithmetic (a day's instants, local dates); the methods here give page text.
struct ZonedTime: Sendable {
    let rules: FoundationZone

    init(identifier: String) {
        rules = FoundationZone(identifier: identifier) ?? FoundationZone(identifier: "UTC")!
    }

    /// The instant the given local day begins in this zone: midnight, or the first moment after it where a clock
    /// change skips midnight itself.
    func startOf(_ day: LocalDate) -> Instant {
        let wallMidnight = Instant(milliseconds: Int64(day.daysSinceEpoch) * 86_400_000)
        return (0...16).lazy.compactMap { rules.instant(LocalDateTime(day, WallTime(minutes: $0 * 15)!)) }.first ?? wallMidnight
    }

    /// "Tue 24 Nov 2026, 2:05 p.m." on the clinic's wall clock: how a chart lists when something was done (the year
    /// kept, since a record reaches back years).
    func spoken(_ instant: Instant) -> String {
        let local = rules.local(instant)
        return "\(SpokenTime.shortDay(local.date)) \(local.date.year), \(SpokenTime.time(local.time))"
    }

    /// "2026-11-24 14:05" on the clinic's wall clock.
    func local(_ instant: Instant) -> String {
        // From the zone rules, not a DateFormatter: building one per call was a tenth of a chart page's time.
        let local = rules.local(instant)
        return "\(local.date) \(local.time)"
    }
}
