import Foundation
import LumbarCore

/// IANA time-zone rules from the system's zone database, for the scheduling engine.
///
/// Only the zone's UTC offset at an instant is asked of Foundation; dates and times are worked out from it here. That
/// is several times quicker than a calendar's date components, and availability asks it thousands of times a request.
public struct FoundationZone: ZoneRules {
    public let identifier: String
    private let zone: TimeZone

    /// Nil for a name the zone database does not know.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.identifier = identifier
        self.zone = zone
    }

    public func instant(_ local: LocalDateTime) -> Instant? {
        let wall = Self.seconds(local)
        // The instant is the wall time less one of the offsets in force around it; a day either side finds them all.
        // None fits in the hour skipped in spring; two fit in the hour repeated in autumn, and the first is chosen.
        let offsets = Set([offset(at: wall - 86_400), offset(at: wall), offset(at: wall + 86_400)])
        return offsets.map { wall - $0 }.filter { $0 + offset(at: $0) == wall }.min().map { Instant(milliseconds: $0 * 1000) }
    }

    public func local(_ instant: Instant) -> LocalDateTime {
        let seconds = instant.milliseconds.floorDivided(by: 1000)
        let wall = seconds + offset(at: seconds)
        let days = wall.floorDivided(by: 86_400)
        return LocalDateTime(LocalDate(daysSinceEpoch: Int(days)), WallTime(minutes: Int((wall - days * 86_400) / 60))!)
    }

    private func offset(at seconds: Int64) -> Int64 {
        Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds))))
    }

    private static func seconds(_ local: LocalDateTime) -> Int64 {
        Int64(local.date.daysSinceEpoch) * 86_400 + Int64(local.time.minutes) * 60
    }
}
