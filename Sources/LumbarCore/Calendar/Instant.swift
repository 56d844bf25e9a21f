/// A moment in UTC, stored as milliseconds since 1970 so both database engines hold it the same way.
public struct Instant: Sendable, Hashable, Comparable, Codable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public func adding(seconds: Int64) -> Instant { Instant(milliseconds: milliseconds + seconds * 1000) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The UTC calendar day.
    public var utcDate: LocalDate { LocalDate(daysSinceEpoch: Int(milliseconds.floorDivided(by: 86_400_000))) }

    /// RFC 3339 in UTC, to the second: `2026-11-24T15:04:05Z`.
    public var iso8601: String { Self.dateTime(milliseconds.floorDivided(by: 1000)) + "Z" }

    /// RFC 3339 with the zone's UTC offset at this moment, to the second: `2026-11-24T10:04:05-05:00` (`Z` where the
    /// offset is zero). Built from the zone's wall clock rather than a date formatter, which costs far more per call.
    public func rfc3339(in zone: some ZoneRules) -> String {
        let seconds = milliseconds.floorDivided(by: 1000)
        let local = zone.local(self)
        let wall = Int64(local.date.daysSinceEpoch) * 86_400 + Int64(local.time.minutes) * 60 + (seconds - seconds.floorDivided(by: 60) * 60)
        let offset = Int(wall - seconds) / 60
        guard offset != 0 else { return Self.dateTime(wall) + "Z" }
        return Self.dateTime(wall) + (offset < 0 ? "-" : "+") + Self.pad(abs(offset) / 60) + ":" + Self.pad(abs(offset) % 60)
    }

    /// `YYYY-MM-DDTHH:MM:SS` for seconds since the epoch on some wall clock.
    private static func dateTime(_ seconds: Int64) -> String {
        let day = LocalDate(daysSinceEpoch: Int(seconds.floorDivided(by: 86_400)))
        let inDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        return "\(day)T\(pad(inDay / 3600)):\(pad(inDay / 60 % 60)):\(pad(inDay % 60))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

extension Int64 {
    /// Division rounding towards minus infinity, so instants before 1970 fall on the right day.
    public func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
