import LumbarCore

/// The clinic's bookable set-up: locations and rooms, services, therapists' hours and time off, booking rules.
public protocol SchedulingRepository: Sendable {
    func addLocation(name: String, address: String, timeZone: String, rooms: [String], at now: Instant) async throws -> Location

    /// Locations in use (not retired), for offering and choosing.
    func locations() async throws -> [Location]

    /// Every location, retired ones too, for the set-up list and for records that name them.
    func allLocations() async throws -> [Location]

    /// One location, retired or not (records keep naming it); callers that offer booking check `retired`.
    func location(id: String) async throws -> Location?

    /// Changes a location's name, address and zone; rooms with an id are renamed, rooms with an empty id are added,
    /// and rooms left out are retired. Nil when there is no such location.
    func updateLocation(_ location: Location, at now: Instant) async throws -> Location?

    /// Retires (or restores) a location; false when there is no such location.
    func setLocationRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool

    func addService(_ service: BookableService) async throws -> BookableService

    /// Services in use (not retired), for offering and choosing.
    func services() async throws -> [BookableService]

    /// Every service, retired ones too, for the set-up list and for records that name them.
    func allServices() async throws -> [BookableService]

    /// One service, retired or not (appointments and receipts keep naming it); callers that offer booking check `retired`.
    func service(id: String) async throws -> BookableService?

    /// Changes a service's name, length, price, tax, audience and online flag; false when there is no such service.
    func updateService(_ service: BookableService) async throws -> Bool

    /// Retires (or restores) a service; false when there is no such service.
    func setServiceRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool

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

    /// Changes an entry of time off (who, when, note) with its audit row; false if it was removed or never existed.
    func updateTimeOff(id: String, therapistId: String, _ range: TimeRange, note: String, audit: AuditEntry) async throws -> Bool

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
