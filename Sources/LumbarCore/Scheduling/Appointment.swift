/// A booked visit. Times are instants (UTC); the location's zone turns them into wall-clock times for people.
public struct Appointment: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable, CaseIterable {
        case booked, arrived, completed
        case noShow = "no-show"
        case cancelled
        case lateCancelled = "late-cancelled"

        /// Whether the appointment still holds its time (cancellations free it).
        public var holdsTime: Bool { self != .cancelled && self != .lateCancelled }
    }

    public var id: String
    public var clientId: String
    public var therapistId: String
    public var locationId: String
    public var roomId: String?
    public var serviceId: String
    public var start: Instant
    public var end: Instant
    /// End plus the service's turnover buffer: the time no other appointment may take.
    public var occupiedUntil: Instant
    public var status: Status
    public var feeCents: Int
    public var seriesId: String?
    /// How many times the client has been told of a change (a move or the cancellation): the calendar SEQUENCE,
    /// so calendars apply the changes in order however close together they were.
    public var revision: Int
    /// When the front desk (or the client) confirmed the client is coming; nil until then.
    public var confirmedAt: Instant?

    public init(id: String, clientId: String, therapistId: String, locationId: String, roomId: String?, serviceId: String,
                start: Instant, end: Instant, occupiedUntil: Instant, status: Status = .booked, feeCents: Int = 0, seriesId: String? = nil,
                revision: Int = 0, confirmedAt: Instant? = nil) {
        self.id = id
        self.clientId = clientId
        self.therapistId = therapistId
        self.locationId = locationId
        self.roomId = roomId
        self.serviceId = serviceId
        self.start = start
        self.end = end
        self.occupiedUntil = occupiedUntil
        self.status = status
        self.feeCents = feeCents
        self.seriesId = seriesId
        self.revision = revision
        self.confirmedAt = confirmedAt
    }

    public var occupied: TimeRange { TimeRange(start: start, end: occupiedUntil) }
}
