/// A client's request for an earlier time than they have; when one opens, it is offered to the first in line
/// and held for them for a while.
public struct WaitlistEntry: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable { case waiting, offered, accepted, expired, withdrawn }

    public var id: String
    public var clientId: String
    public var appointmentId: String?
    public var serviceId: String
    public var locationId: String
    public var therapistId: String?
    /// Only times before this instant are worth offering.
    public var earlierThan: Instant
    public var status: Status
    public var offerStart: Instant?
    public var offerTherapistId: String?
    public var offerExpiresAt: Instant?

    public init(id: String, clientId: String, appointmentId: String?, serviceId: String, locationId: String, therapistId: String?,
                earlierThan: Instant, status: Status = .waiting, offerStart: Instant? = nil, offerTherapistId: String? = nil, offerExpiresAt: Instant? = nil) {
        self.id = id
        self.clientId = clientId
        self.appointmentId = appointmentId
        self.serviceId = serviceId
        self.locationId = locationId
        self.therapistId = therapistId
        self.earlierThan = earlierThan
        self.status = status
        self.offerStart = offerStart
        self.offerTherapistId = offerTherapistId
        self.offerExpiresAt = offerExpiresAt
    }
}
