/// Times and dates as the clinic writes them to people: "1:00 p.m.", "Tue 1 Dec", "Tuesday 1 December".
/// Wall-clock values only: the caller turns an instant into the clinic's local time first, and no zone id is shown.
public enum SpokenTime {
    /// "9:30 a.m.", "1:00 p.m."; noon is "12:00 p.m." and midnight "12:00 a.m." (as on a clinic's paper schedule).
    public static func time(_ time: WallTime) -> String {
        "\(clock(time)) \(time.minutes % 1440 < 720 ? "a.m." : "p.m.")"
    }

    /// "9:30", without the half of the day, for the free times of a column already labelled by its hours.
    public static func clock(_ time: WallTime) -> String {
        let minutes = time.minutes % 1440
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        let minute = minutes % 60
        return "\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// A whole hour's line on the calendar, shortened: "9 a.m.", "12 p.m."; "9:30 a.m." when it is not whole.
    public static func hour(_ time: WallTime) -> String {
        let minutes = time.minutes % 1440
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        return "\(hour)\(minutes % 60 == 0 ? "" : ":\(minutes % 60)") \(minutes < 720 ? "a.m." : "p.m.")"
    }

    /// "9:00 to 10:00 a.m.", "11:30 a.m. to 12:30 p.m.": the half of the day said once when both ends share it.
    public static func range(_ start: WallTime, _ end: WallTime) -> String {
        let sameHalf = (start.minutes % 1440 < 720) == (end.minutes % 1440 < 720)
        return "\(sameHalf ? clock(start) : time(start)) to \(time(end))"
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
