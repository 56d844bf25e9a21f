/// Why a start time cannot be booked: the availability engine's answer when a time does not fit, so that every
/// refusal can name its cause. The raw value is the code the API sends. Cases run from the furthest from fitting
/// to the nearest, which is how the "first available" search picks one cause out of several therapists'.
public enum BookingRefusal: String, Sendable, CaseIterable, Error {
    /// The start is earlier than now: a visit that already happened is recorded, not booked.
    case inPast = "in-past"
    /// Online bookings need the clinic's minimum notice.
    case tooLittleNotice = "too-little-notice"
    /// Online bookings open only so many days ahead.
    case beyondHorizon = "beyond-horizon"
    /// The therapist has no working hours at this location.
    case noHoursHere = "no-hours-here"
    /// The clocks change that night, so the wall-clock time is skipped (or is the repeated hour's second pass).
    case clockChange = "clock-change"
    /// The therapist does not work on that weekday.
    case dayOff = "day-off"
    /// Outside the therapist's working hours that day, or running past their end.
    case outsideHours = "outside-hours"
    /// Inside the working day but overlapping a break.
    case duringBreak = "during-break"
    /// The therapist is away: dated time off.
    case timeOff = "time-off"
    /// The therapist already has an appointment (with its turnover time) then.
    case therapistTaken = "therapist-taken"
    /// The therapist is free but every room is booked.
    case roomTaken = "room-taken"

    /// Only someone else's booking stands in the way: the time is taken (a 409), not against the rules (a 422).
    public var isTaken: Bool { self == .therapistTaken || self == .roomTaken }

    /// The nearest to fitting of several refusals (one per therapist tried).
    public static func nearest(_ refusals: [BookingRefusal]) -> BookingRefusal? {
        refusals.max { allCases.firstIndex(of: $0)! < allCases.firstIndex(of: $1)! }
    }
}
