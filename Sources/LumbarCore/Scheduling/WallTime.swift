/// A time of day on a clinic's wall clock, in minutes after midnight (0..<1440).
public struct WallTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init?(minutes: Int) {
        guard (0...1440).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    public init?(hour: Int, minute: Int = 0) { self.init(minutes: hour * 60 + minute) }

    /// Parses `HH:MM` (24-hour); `24:00` means the end of the day.
    public init?(_ text: String) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count <= 2, parts[1].count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]),
              (0...24).contains(hour), (0...59).contains(minute), hour < 24 || minute == 0 else { return nil }
        self.init(hour: hour, minute: minute)
    }

    public static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.minutes < rhs.minutes }

    public var description: String {
        let hour = minutes / 60, minute = minutes % 60
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}

/// A local date and wall time together, before any time zone is applied.
public struct LocalDateTime: Sendable, Hashable, Comparable {
    public let date: LocalDate
    public let time: WallTime

    public init(_ date: LocalDate, _ time: WallTime) {
        self.date = date
        self.time = time
    }

    public static func < (lhs: LocalDateTime, rhs: LocalDateTime) -> Bool {
        (lhs.date.daysSinceEpoch, lhs.time.minutes) < (rhs.date.daysSinceEpoch, rhs.time.minutes)
    }
}
