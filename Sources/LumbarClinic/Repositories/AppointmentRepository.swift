import LumbarCore

/// Appointments. Overlaps are refused by the database itself (see `Dialect.appointmentExclusion`); this
/// repository turns that refusal into `StorageError.conflict` so the caller can offer fresh times.
public protocol AppointmentRepository: Sendable {
    /// Saves every appointment (one, or a recurring series) with its mail and audit row, or none of them. Each booked
    /// therapist joins the client's care team in the same transaction, so they may open the record they will treat.
    func book(_ appointments: [Appointment], bookedBy: String, mail: [QueuedMail], audit: AuditEntry?, at now: Instant) async throws

    /// Moves an appointment to a new time (and maybe therapist or room), with its mail, or refuses if taken.
    func move(_ appointment: Appointment, mail: [QueuedMail], at now: Instant) async throws

    /// Records arrival, no-show, completion or cancellation (with any late fee). Nothing is deleted. `revision`, when
    /// given, is the one the change's mail carries (a cancellation is sent to the client; an arrival is not).
    /// A cancellation carries its `reason` (plain words the front desk chose or typed, never clinical).
    func setStatus(id: String, _ status: Appointment.Status, feeCents: Int, revision: Int?, reason: String?, mail: [QueuedMail], at now: Instant) async throws

    /// Why the appointment was cancelled, when a reason was recorded.
    func cancelReason(id: String) async throws -> String?

    /// Records that the client confirmed they are coming, with its audit row; a second confirmation keeps the first time.
    func confirm(id: String, audit: AuditEntry, at now: Instant) async throws

    /// Whether the client has ever had an appointment that was not cancelled (a returning client).
    func hasHistory(clientId: String) async throws -> Bool

    func find(id: String) async throws -> Appointment?

    /// Appointments overlapping `window`, optionally for one location, therapist or client; active ones only unless asked.
    func list(window: TimeRange, locationId: String?, therapistId: String?, clientId: String?, activeOnly: Bool) async throws -> [Appointment]

    /// What therapists and rooms are busy with during `window` (appointments not cancelled), for working out free
    /// times: four columns of each row rather than all of it, since a booking reads several days of the whole clinic.
    /// Given a therapist, only theirs: where no rooms are booked, nobody else's appointments bear on their free times.
    func occupancy(window: TimeRange, therapistId: String?) async throws -> [AvailabilityRequest.Booked]

    /// Booked appointments starting within `lead` that were booked before the reminder was due and not yet
    /// reminded; `compose` writes each one's message, queued as the appointment is marked, in one transaction.
    func queueReminders(lead: Int64, at now: Instant, compose: @escaping @Sendable (Appointment) async throws -> QueuedMail?) async throws -> Int
}

/// The defaults callers rely on; each forwards to the requirement.
extension AppointmentRepository {
    public func book(_ appointments: [Appointment], bookedBy: String, mail: [QueuedMail], audit: AuditEntry? = nil, at now: Instant) async throws {
        try await book(appointments, bookedBy: bookedBy, mail: mail, audit: audit, at: now)
    }

    public func setStatus(id: String, _ status: Appointment.Status, feeCents: Int = 0, revision: Int? = nil, reason: String? = nil, mail: [QueuedMail] = [],
                          at now: Instant) async throws {
        try await setStatus(id: id, status, feeCents: feeCents, revision: revision, reason: reason, mail: mail, at: now)
    }

    public func list(window: TimeRange, locationId: String? = nil, therapistId: String? = nil, clientId: String? = nil, activeOnly: Bool = true) async throws -> [Appointment] {
        try await list(window: window, locationId: locationId, therapistId: therapistId, clientId: clientId, activeOnly: activeOnly)
    }

    public func occupancy(window: TimeRange, therapistId: String? = nil) async throws -> [AvailabilityRequest.Booked] {
        try await occupancy(window: window, therapistId: therapistId)
    }
}
