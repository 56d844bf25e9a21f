import LumbarCore

/// The plain sentence for each reason a time cannot be booked, as clients, staff and API callers read it.
public enum RefusalWords {
    /// `when` is the spoken start ("Wednesday 25 November 2026 at 10:00"); `therapist` the therapist's name.
    public static func sentence(_ refusal: BookingRefusal, when: String, weekday: String, therapist: String, rules: BookingRules) -> String {
        switch refusal {
        case .inPast: return "\(when) has already passed."
        case .tooLittleNotice: return "\(when) is too soon: online bookings need at least \(notice(rules.minimumNoticeMinutes)) notice."
        case .beyondHorizon: return "\(when) is too far ahead: online bookings open \(rules.maximumAdvanceDays) days in advance."
        case .noHoursHere: return "\(therapist) has no working hours at this location."
        case .clockChange: return clockChange(when: when)
        case .dayOff: return "\(therapist) does not work on \(weekday)s."
        case .outsideHours: return "\(when) is outside \(therapist)'s working hours (the visit must also end by closing time)."
        case .duringBreak: return "\(when) runs into \(therapist)'s break."
        // `when` ends in "a.m." or "p.m.", so these sentences do not end on it.
        case .timeOff: return "\(therapist) is away then, on time off (\(when))."
        case .therapistTaken: return "\(therapist) already has an appointment then: a visit starting \(when) would overlap it or its turnover time."
        case .roomTaken: return "Every treatment room is booked then (\(when))."
        }
    }

    public static func clockChange(when: String) -> String { "The clocks change that night, so \(when) is skipped or happens twice." }

    /// Between checking and saving, another booking took the time.
    public static let justTaken = "That time was just taken by another booking."

    /// "2 hours", "90 minutes", "1 day".
    public static func notice(_ minutes: Int) -> String {
        if minutes % 1440 == 0 && minutes > 0 { return minutes == 1440 ? "1 day's" : "\(minutes / 1440) days'" }
        if minutes % 60 == 0 && minutes > 0 { return minutes == 60 ? "1 hour's" : "\(minutes / 60) hours'" }
        return "\(minutes) minutes'"
    }
}
