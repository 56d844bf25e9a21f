import LumbarCore

/// One of a therapist's visits today: who, what, what it still needs, and how far its note has got.
public struct TodayVisit: Sendable, Equatable {
    /// The note for this visit by its therapist.
    public enum Note: Sendable, Equatable {
        case notStarted
        case draft(id: String)
        case signed(id: String)
    }

    public let appointment: Appointment
    public let client: Client
    public let serviceName: String
    public let needs: [VisitNeed]
    public let note: Note
    /// This visit's number in the current plan, and the visits it plans; nil without a plan.
    public let planVisit: Int?
    public let plannedVisits: Int?
}
