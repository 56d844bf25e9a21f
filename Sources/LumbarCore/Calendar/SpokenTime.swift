/// Times and dates as the clinic writes them to people: "1:00 p.m.", "Tue 1 Dec", "Tuesday 1 December".
/// Wall-clock values only: the caller turns an instant into the clinic's local time first, and no zone id is shown.
public enum SpokenTime {
    /// "9:30 a.m.", "1:00 p.m."; noon is "12:00 p.m." and midnight "12:00 a.m." (as on a clinic's paper schedule).
    public static func time(_ time: WallTime) -> String {
        let minutes = time.minutes % 1440
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        let minute = minutes % 60
        return "\(hour):\(minute < 10 ? "0" : "")\(minute) \(minutes < 720 ? "a.m." : "p.m.")"
    }

    /// "Tue 1 Dec".
    public static func shortDay(_ date: LocalDate) -> String {
        "\(date.weekdayName.prefix(3)) \(date.day) \(date.monthName.prefix(3))"
    }

    /// "Tuesday 1 December"; with the year when `today` is in another year ("Friday 1 January 2027").
    public static func day(_ date: LocalDate, today: LocalDate? = nil) -> String {
        let base = "\(date.weekdayName) \(date.day) \(date.monthName)"
        return today.map { $0.year == date.year } ?? true ? base : "\(base) \(date.year)"
    }

    /// "Tuesday 1 December 2026 at 1:00 p.m.": for mail and receipts, which are read later and kept.
    public static func moment(_ local: LocalDateTime) -> String {
        "\(local.date.spoken) at \(time(local.time))"
    }

    /// "Tue 1 Dec, 1:00 p.m.": for lists on a phone.
    public static func short(_ local: LocalDateTime) -> String {
        "\(shortDay(local.date)), \(time(local.time))"
    }
}
