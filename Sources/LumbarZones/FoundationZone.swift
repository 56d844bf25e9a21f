import Foundation
import LumbarCore

/// IANA time-zone rules from the system's zone database, for the scheduling engine.
public struct FoundationZone: ZoneRules {
    public let identifier: String
    private let calendar: Calendar

    /// Nil for a name the zone database does not know.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    public func instant(_ local: LocalDateTime) -> Instant? {
        let components = DateComponents(year: local.date.year, month: local.date.month, day: local.date.day,
                                        hour: local.time.minutes / 60, minute: local.time.minutes % 60)
        guard let date = calendar.date(from: components) else { return nil }
        let instant = Instant(milliseconds: Int64((date.timeIntervalSince1970 * 1000).rounded()))
        // Foundation moves a skipped time (spring forward) to a real one; Lumbar offers no such time instead.
        return self.local(instant) == local ? instant : nil
    }

    public func local(_ instant: Instant) -> LocalDateTime {
        let date = Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000)
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return LocalDateTime(LocalDate(year: parts.year!, month: parts.month!, day: parts.day!)!,
                             WallTime(minutes: parts.hour! * 60 + parts.minute!)!)
    }
}
