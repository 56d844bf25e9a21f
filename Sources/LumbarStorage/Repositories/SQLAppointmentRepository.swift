import LumbarClinic
import LumbarCore
import PostgresKit
import SQLKit

/// Appointments. Overlaps are refused by the database itself (see `Dialect.appointmentExclusion`); this
/// repository turns that refusal into `StorageError.conflict` so the caller can offer fresh times.
public struct SQLAppointmentRepository: AppointmentRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public static let taken = "That time was just taken. Please choose another."

    /// Saves every appointment (one, or a recurring series) with its mail and audit row, or none of them. Each booked
    /// therapist joins the client's care team in the same transaction, so they may open the record they will treat.
    public func book(_ appointments: [Appointment], bookedBy: String, mail: [QueuedMail], audit: AuditEntry? = nil, at now: Instant) async throws {
        do {
            try await database.write { db in
                for appointment in appointments {
                    try await db.raw("""
                        INSERT INTO appointments (id, client_id, therapist_id, location_id, room_id, service_id, starts_at, ends_at,
                            occupied_until, status, fee_cents, booked_by, created_at, changed_at, series_id)
                        VALUES (\(bind: appointment.id), \(bind: appointment.clientId), \(bind: appointment.therapistId), \(bind: appointment.locationId),
                            \(bind: appointment.roomId), \(bind: appointment.serviceId), \(bind: appointment.start.milliseconds), \(bind: appointment.end.milliseconds),
                            \(bind: appointment.occupiedUntil.milliseconds), \(bind: appointment.status.rawValue), \(bind: appointment.feeCents),
                            \(bind: bookedBy), \(bind: now.milliseconds), \(bind: now.milliseconds), \(bind: appointment.seriesId))
                        """).run()
                }
                for therapistId in Set(appointments.map(\.therapistId)).sorted() {
                    try await SQLClientRepository.assign(db, therapistId: therapistId, clientId: appointments[0].clientId, at: now)
                }
                try await SQLOutboxRepository.enqueue(mail, on: db, at: now)
                if let audit { try await SQLAuditRepository.append(audit, on: db) }
            }
        } catch where Self.isOverlap(error) {
            throw StorageError.conflict(Self.taken)
        }
    }

    /// Moves an appointment to a new time (and maybe therapist or room), with its mail, or refuses if taken.
    public func move(_ appointment: Appointment, mail: [QueuedMail], at now: Instant) async throws {
        do {
            try await database.write { db in
                try await db.raw("""
                    UPDATE appointments SET therapist_id = \(bind: appointment.therapistId), room_id = \(bind: appointment.roomId),
                        starts_at = \(bind: appointment.start.milliseconds), ends_at = \(bind: appointment.end.milliseconds),
                        occupied_until = \(bind: appointment.occupiedUntil.milliseconds), changed_at = \(bind: now.milliseconds),
                        revision = \(bind: appointment.revision)
                    WHERE id = \(bind: appointment.id)
                    """).run()
                try await SQLOutboxRepository.enqueue(mail, on: db, at: now)
            }
        } catch where Self.isOverlap(error) {
            throw StorageError.conflict(Self.taken)
        }
    }

    /// Records arrival, no-show, completion or cancellation (with any late fee). Nothing is deleted. `revision`, when
    /// given, is the one the change's mail carries (a cancellation is sent to the client; an arrival is not).
    public func setStatus(id: String, _ status: Appointment.Status, feeCents: Int = 0, revision: Int? = nil, reason: String? = nil, mail: [QueuedMail] = [],
                          at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("""
                UPDATE appointments SET status = \(bind: status.rawValue), fee_cents = \(bind: feeCents), changed_at = \(bind: now.milliseconds),
                    revision = COALESCE(\(bind: revision), revision), cancel_reason = COALESCE(\(bind: reason), cancel_reason)
                WHERE id = \(bind: id)
                """).run()
            try await SQLOutboxRepository.enqueue(mail, on: db, at: now)
        }
    }

    public func cancelReason(id: String) async throws -> String? {
        try await database.read { db in
            try await db.raw("SELECT cancel_reason FROM appointments WHERE id = \(bind: id)").first()?.optionalString("cancel_reason")
        }
    }

    /// Records that the client confirmed they are coming, with its audit row; a second confirmation keeps the first time.
    public func confirm(id: String, audit: AuditEntry, at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE appointments SET confirmed_at = \(bind: now.milliseconds) WHERE id = \(bind: id) AND confirmed_at IS NULL").run()
            try await SQLAuditRepository.append(audit, on: db)
        }
    }

    /// Whether the client has ever had an appointment that was not cancelled (a returning client).
    public func hasHistory(clientId: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS yes FROM appointments WHERE client_id = \(bind: clientId) AND status NOT IN ('cancelled', 'late-cancelled') LIMIT 1
                """).first() != nil
        }
    }

    public func find(id: String) async throws -> Appointment? {
        try await database.read { db in try await db.raw("SELECT * FROM appointments WHERE id = \(bind: id)").first().map(Self.appointment) }
    }

    /// Appointments overlapping `window`, optionally for one location, therapist or client; active ones only unless asked.
    public func list(window: TimeRange, locationId: String? = nil, therapistId: String? = nil, clientId: String? = nil,
                     activeOnly: Bool = true) async throws -> [Appointment] {
        try await database.read { db in
            var query = Self.overlapping(window, db.select().column("*"))
            if let locationId { query = query.where("location_id", .equal, locationId) }
            if let therapistId { query = query.where("therapist_id", .equal, therapistId) }
            if let clientId { query = query.where("client_id", .equal, clientId) }
            if activeOnly { query = query.where("status", .notIn, ["cancelled", "late-cancelled"]) }
            return try await query.orderBy("starts_at").all().map(Self.appointment)
        }
    }

    /// What therapists and rooms are busy with during `window` (appointments not cancelled), for working out free
    /// times: four columns of each row rather than all of it, since a booking reads several days of the whole clinic.
    /// Given a therapist, only theirs: where no rooms are booked, nobody else's appointments bear on their free times.
    public func occupancy(window: TimeRange, therapistId: String? = nil) async throws -> [AvailabilityRequest.Booked] {
        try await database.read { db in
            var select = Self.overlapping(window, db.select().columns("therapist_id", "room_id", "starts_at", "occupied_until"))
                .where("status", .notIn, ["cancelled", "late-cancelled"])
            if let therapistId { select = select.where("therapist_id", .equal, therapistId) }
            return try await select.all().map { row in
                AvailabilityRequest.Booked(therapistId: try row.string("therapist_id"), roomId: try row.optionalString("room_id"),
                                           occupied: TimeRange(start: try row.instant("starts_at"), end: try row.instant("occupied_until")))
            }
        }
    }

    /// Appointments whose occupied time overlaps `window`. The lower bound on starts_at lets the index find the range;
    /// nothing occupies more than two days.
    private static func overlapping(_ window: TimeRange, _ select: SQLSelectBuilder) -> SQLSelectBuilder {
        select.from("appointments")
            .where("starts_at", .lessThan, window.end.milliseconds)
            .where("starts_at", .greaterThan, window.start.milliseconds - Schema.longestOccupancy)
            .where("occupied_until", .greaterThan, window.start.milliseconds)
    }

    static func appointment(_ row: any SQLRow) throws -> Appointment {
        Appointment(
            id: try row.string("id"), clientId: try row.string("client_id"), therapistId: try row.string("therapist_id"),
            locationId: try row.string("location_id"), roomId: try row.optionalString("room_id"), serviceId: try row.string("service_id"),
            start: try row.instant("starts_at"), end: try row.instant("ends_at"), occupiedUntil: try row.instant("occupied_until"),
            status: Appointment.Status(rawValue: try row.string("status")) ?? .booked, feeCents: try row.int("fee_cents"),
            seriesId: try row.optionalString("series_id"), revision: try row.int("revision"), confirmedAt: try row.optionalInstant("confirmed_at"))
    }

    /// The database refused an overlapping appointment: PostgreSQL's exclusion constraint, or on SQLite the overlap
    /// trigger, the only trigger that can abort a write to appointments (`Dialect.appointmentExclusion`).
    static func isOverlap(_ error: any Error) -> Bool {
        [.exclusion, .trigger].contains(SQLFailure(error))
    }

    /// Booked appointments starting within `lead` that were booked before the reminder was due and not yet
    /// reminded; `compose` writes each one's message, queued as the appointment is marked, in one transaction.
    public func queueReminders(lead: Int64, at now: Instant, compose: @escaping @Sendable (Appointment) async throws -> QueuedMail?) async throws -> Int {
        let lock = database.engine == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        return try await database.write { db in
            let due = try await db.raw("""
                SELECT * FROM appointments WHERE status = 'booked' AND reminded_at IS NULL
                  AND starts_at > \(bind: now.milliseconds) AND starts_at <= \(bind: now.adding(seconds: lead).milliseconds)
                  AND created_at < starts_at - \(bind: lead * 1000)
                ORDER BY starts_at LIMIT 100\(unsafeRaw: lock)
                """).all().map(Self.appointment)
            for appointment in due {
                if let mail = try await compose(appointment) { try await SQLOutboxRepository.enqueue([mail], on: db, at: now) }
                try await db.raw("UPDATE appointments SET reminded_at = \(bind: now.milliseconds) WHERE id = \(bind: appointment.id)").run()
            }
            return due.count
        }
    }
}
