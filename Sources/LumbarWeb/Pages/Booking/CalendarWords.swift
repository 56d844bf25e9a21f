import LumbarCore

/// How the calendar's pages write times and dates: "9:30 a.m.", "Tue 1 Dec", "Tuesday 1 December".
enum CalendarWords {
    /// "9:30 a.m.", "12:00 p.m."; midnight is "12:00 a.m.".
    static func time(_ time: WallTime) -> String {
        "\(clock(time)) \(time.minutes % 1440 < 720 ? "a.m." : "p.m.")"
    }

    /// "9:30", without the half of the day, for the free times of a column already labelled by its hours.
    static func clock(_ time: WallTime) -> String {
        let minutes = time.minutes % 1440
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        let minute = minutes % 60
        return "\(hour):\(minute < 10 ? "0" : "")\(minute)"
    }

    /// "9:00 a.m." for a whole hour's line, shortened: "9 a.m.".
    static func hour(_ time: WallTime) -> String {
        let minutes = time.minutes % 1440
        let hour = minutes / 60 % 12 == 0 ? 12 : minutes / 60 % 12
        return "\(hour)\(minutes % 60 == 0 ? "" : ":\(minutes % 60)") \(minutes < 720 ? "a.m." : "p.m.")"
    }

    /// "9:00 to 10:00 a.m.", "11:30 a.m. to 12:30 p.m.".
    static func range(_ start: WallTime, _ end: WallTime) -> String {
        let sameHalf = (start.minutes % 1440 < 720) == (end.minutes % 1440 < 720)
        return "\(sameHalf ? clock(start) : time(start)) to \(time(end))"
    }

    /// "Tue 1 Dec".
    static func short(_ date: LocalDate) -> String {
        "\(date.weekdayName.prefix(3)) \(date.day) \(date.monthName.prefix(3))"
    }

    /// "Tuesday 1 December 2026".
    static func long(_ date: LocalDate) -> String { date.spoken }

    /// "Tuesday 1 December 2026 at 9:30 a.m.", for a moment in the clinic's zone.
    static func when(_ instant: Instant, _ zone: any ZoneRules) -> String {
        let local = zone.local(instant)
        return "\(local.date.spoken) at \(time(local.time))"
    }
}
