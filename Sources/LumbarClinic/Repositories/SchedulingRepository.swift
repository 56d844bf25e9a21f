import LumbarCore

/// The clinic's bookable set-up: locations and rooms, services, therapists' hours and time off, booking rules.
public protocol SchedulingRepository: Sendable {
    func addLocation(name: String, address: String, timeZone: String, rooms: [String], at now: Instant) async throws -> Location

    func locations() async throws -> [Location]

    func location(id: String) async throws -> Location?

    func addService(_ service: BookableService) async throws -> BookableService

    func services() async throws -> [BookableService]

    func service(id: String) async throws -> BookableService?

    /// Replaces a therapist's weekly pattern at a location in one transaction.
    func setHours(therapistId: String, locationId: String, _ hours: WeeklyHours) async throws

    /// Each therapist's pattern at a location, with their time off overlapping `window`.
    func hours(locationId: String, window: TimeRange) async throws -> [String: WeeklyHours]

    @discardableResult
    func addTimeOff(therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry?) async throws -> TimeOff

    /// Time off not yet over and not removed, soonest first.
    func timeOff(endingAfter now: Instant) async throws -> [TimeOff]

    /// One entry of time off, unless it was removed.
    func timeOff(id: String) async throws -> TimeOff?

    /// Marks time off removed (kept on record), with its audit row; false if it was already removed or never existed.
    func removeTimeOff(id: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Bool

    func rules() async throws -> BookingRules

    func setRules(_ rules: BookingRules) async throws
}

/// The defaults callers rely on; each forwards to the requirement.
extension SchedulingRepository {
    @discardableResult
    public func addTimeOff(therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry? = nil) async throws -> TimeOff {
        try await addTimeOff(therapistId: therapistId, range, note: note, audit: audit)
    }
}
