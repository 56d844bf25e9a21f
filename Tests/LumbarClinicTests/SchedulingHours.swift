import LumbarCore
import LumbarZones

/// Working patterns the booking tests use.
enum SchedulingHours {
    /// Monday to Friday, `from`:00 to `to`:00, no breaks.
    static func weekdays(_ from: Int, _ to: Int) -> WeeklyHours {
        let span = WeeklyHours.Span(start: WallTime(minutes: from * 60)!, end: WallTime(minutes: to * 60)!)!
        return WeeklyHours(days: Array(repeating: [span], count: 5) + [[], []])
    }
}

/// The seeded location's zone, for reading booked times back on its wall clock.
enum FoundationZoneClock {
    static let toronto = FoundationZone(identifier: "America/Toronto")!
}
