/// A therapist's dated absence (a holiday, a course): booking treats it as taken time. Removing one marks it
/// removed rather than deleting it, so what was planned stays on record.
public struct TimeOff: Sendable, Equatable, Identifiable {
    /// Why a span cannot be entered as time off.
    public enum Problem: Sendable, Equatable {
        case endsBeforeStart
        /// It ends before now: there is nothing left to keep free.
        case alreadyOver
    }

    public var id: String
    public var therapistId: String
    public var range: TimeRange
    public var note: String

    public init(id: String, therapistId: String, range: TimeRange, note: String) {
        self.id = id
        self.therapistId = therapistId
        self.range = range
        self.note = note
    }

    /// Whether `start…end`, entered at `now`, can be time off: it must end after it starts and not lie wholly in the past.
    /// Time off already under way (it started yesterday, ends next week) is fine.
    public static func problem(start: Instant, end: Instant, now: Instant) -> Problem? {
        if end <= start { return .endsBeforeStart }
        if end <= now { return .alreadyOver }
        return nil
    }
}
