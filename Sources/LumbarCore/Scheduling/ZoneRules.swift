/// A time zone's rules, supplied from outside Core (the zone database is I/O); tests and the app use the same one.
public protocol ZoneRules: Sendable {
    /// The UTC instant a local wall-clock time names, or nil when that time does not exist (the hour skipped
    /// when clocks spring forward). In the repeated hour of autumn the first occurrence is chosen.
    func instant(_ local: LocalDateTime) -> Instant?

    /// The local wall-clock time at an instant.
    func local(_ instant: Instant) -> LocalDateTime
}

/// A fixed offset from UTC; for tests that want no daylight saving at all.
public struct FixedOffsetZone: ZoneRules {
    public let offsetMinutes: Int

    public init(offsetMinutes: Int) { self.offsetMinutes = offsetMinutes }

    public func instant(_ local: LocalDateTime) -> Instant? {
        Instant(milliseconds: (Int64(local.date.daysSinceEpoch) * 1440 + Int64(local.time.minutes - offsetMinutes)) * 60_000)
    }

    public func local(_ instant: Instant) -> LocalDateTime {
        let minutes = instant.milliseconds.floorDivided(by: 60_000) + Int64(offsetMinutes)
        let day = minutes.floorDivided(by: 1440)
        return LocalDateTime(LocalDate(daysSinceEpoch: Int(day)), WallTime(minutes: Int(minutes - day * 1440))!)
    }
}
