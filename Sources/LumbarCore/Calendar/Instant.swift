/// A moment in UTC, stored as milliseconds since 1970 so both database engines hold it the same way.
public struct Instant: Sendable, Hashable, Comparable, Codable {
    public let milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public func adding(seconds: Int64) -> Instant { Instant(milliseconds: milliseconds + seconds * 1000) }

    public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.milliseconds < rhs.milliseconds }

    /// The UTC calendar day.
    public var utcDate: LocalDate { LocalDate(daysSinceEpoch: Int(milliseconds.floorDivided(by: 86_400_000))) }

    /// RFC 3339 in UTC, to the second: `2026-11-24T15:04:05Z`.
    public var iso8601: String {
        let seconds = milliseconds.floorDivided(by: 1000)
        let day = LocalDate(daysSinceEpoch: Int(seconds.floorDivided(by: 86_400)))
        let inDay = Int(seconds - Int64(day.daysSinceEpoch) * 86_400)
        func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
        return "\(day)T\(pad(inDay / 3600)):\(pad(inDay / 60 % 60)):\(pad(inDay % 60))Z"
    }
}

extension Int64 {
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
