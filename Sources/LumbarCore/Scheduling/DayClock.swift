/// Converts minutes-after-midnight on one local day to instants; plain arithmetic unless the day has a
/// daylight-saving change, when each time is asked of the zone (and skipped if the clocks jumped over it).
public struct DayClock: Sendable {
    public let date: LocalDate
    let zone: any ZoneRules
    private let midnight: Instant?
    private let regular: Bool

    public init(date: LocalDate, zone: any ZoneRules) {
        self.date = date
        self.zone = zone
        let first = zone.instant(LocalDateTime(date, WallTime(minutes: 0)!))
        let last = zone.instant(LocalDateTime(date, WallTime(minutes: 1439)!))
        midnight = first
        if let first, let last {
            regular = last.milliseconds - first.milliseconds == 1439 * 60_000
        } else {
            regular = false
        }
    }

    /// The wall-clock time of `instant`: by arithmetic on a day without a clock change, from the zone otherwise (or
    /// when the instant is on another day). A page drawing a day's hundreds of times asks the zone twice, not each time.
    public func time(_ instant: Instant) -> WallTime {
        if regular, let midnight, instant >= midnight, case let minutes = (instant.milliseconds - midnight.milliseconds) / 60_000, minutes < 1440 {
            return WallTime(minutes: Int(minutes))!
        }
        return zone.local(instant).time
    }

    public func instant(_ minute: Int) -> Instant? {
        if regular, let midnight { return midnight.adding(seconds: Int64(minute) * 60) }
        if minute >= 1440 { return zone.instant(LocalDateTime(date.adding(days: 1), WallTime(minutes: 0)!)) }
        return zone.instant(LocalDateTime(date, WallTime(minutes: minute)!))
    }
}
