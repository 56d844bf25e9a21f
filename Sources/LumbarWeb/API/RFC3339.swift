import Foundation
import LumbarCore
import LumbarZones

/// RFC 3339 timestamps with the location's UTC offset, e.g. `2026-11-25T10:00:00-05:00`.
struct RFC3339 {
    let zone: FoundationZone

    init(zone: String) {
        self.zone = FoundationZone(identifier: zone) ?? FoundationZone(identifier: "UTC")!
    }

    func format(_ instant: Instant) -> String { instant.rfc3339(in: zone) }

    /// Requires an explicit offset or Z, so a time is never read in the wrong zone.
    static func parse(_ text: String) -> Instant? { Instant(rfc3339: text) }
}
