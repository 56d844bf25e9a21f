import Foundation
import LumbarCore

/// Converts between UTC instants and a clinic's wall clock (IANA zone), daylight saving included.
struct ZonedTime: Sendable {
    let zone: TimeZone

    init(identifier: String) { zone = TimeZone(identifier: identifier) ?? TimeZone(identifier: "UTC")! }

    /// The instant the given local day begins in this zone.
    func startOf(_ day: LocalDate) -> Instant {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let date = calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day)) ?? Date(timeIntervalSince1970: 0)
        return Instant(milliseconds: Int64(date.timeIntervalSince1970 * 1000))
    }

    /// "2026-11-24 14:05" on the clinic's wall clock.
    func local(_ instant: Instant) -> String {
        let formatter = DateFormatter()
        formatter.timeZone = zone
        formatter.locale = Locale(identifier: "en_CA")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000))
    }
}
