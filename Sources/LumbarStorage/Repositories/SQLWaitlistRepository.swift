import LumbarClinic
import LumbarCore
import SQLKit

/// The waitlist for earlier times, and the offers (held times) made from it.
public struct SQLWaitlistRepository: WaitlistRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func join(_ entry: WaitlistEntry, at now: Instant) async throws {
        try await database.write { db in
            if let appointment = entry.appointmentId, try await db.raw("""
                SELECT 1 AS yes FROM waitlist WHERE appointment_id = \(bind: appointment) AND status IN ('waiting', 'offered')
                """).first() != nil { return }
            try await db.raw("""
                INSERT INTO waitlist (id, client_id, appointment_id, service_id, location_id, therapist_id, earlier_than, created_at, status)
                VALUES (\(bind: entry.id), \(bind: entry.clientId), \(bind: entry.appointmentId), \(bind: entry.serviceId), \(bind: entry.locationId),
                        \(bind: entry.therapistId), \(bind: entry.earlierThan.milliseconds), \(bind: now.milliseconds), 'waiting')
                """).run()
        }
    }

    static func entry(_ row: any SQLRow) throws -> WaitlistEntry {
        WaitlistEntry(id: try row.string("id"), clientId: try row.string("client_id"), appointmentId: try row.optionalString("appointment_id"),
                      serviceId: try row.string("service_id"), locationId: try row.string("location_id"), therapistId: try row.optionalString("therapist_id"),
                      earlierThan: try row.instant("earlier_than"), status: WaitlistEntry.Status(rawValue: try row.string("status")) ?? .waiting,
                      offerStart: try row.optionalInstant("offer_start"), offerTherapistId: try row.optionalString("offer_therapist_id"),
                      offerExpiresAt: try row.optionalInstant("offer_expires_at"))
    }

    /// Entries by status, oldest first (the order clients joined in).
    public func entries(_ status: WaitlistEntry.Status, clientId: String? = nil) async throws -> [WaitlistEntry] {
        try await database.read { db in
            var query = db.select().column("*").from("waitlist").where("status", .equal, status.rawValue)
            if let clientId { query = query.where("client_id", .equal, clientId) }
            return try await query.orderBy("created_at").orderBy("id").all().map(Self.entry)
        }
    }

    public func offer(tokenHash: String) async throws -> WaitlistEntry? {
        try await database.read { db in
            try await db.raw("SELECT * FROM waitlist WHERE offer_token_hash = \(bind: tokenHash)").first().map(Self.entry)
        }
    }

    /// Makes an offer if the time is not already held by another live offer; one instance at a time decides.
    public func makeOffer(entryId: String, start: Instant, end: Instant, therapistId: String, expiresAt: Instant, tokenHash: String,
                          mail: QueuedMail, at now: Instant) async throws -> Bool {
        let postgres = database.engine == .postgres
        return try await database.write { db in
            if postgres { try await db.raw("SELECT pg_advisory_xact_lock(7311)").run() }
            let clash = try await db.raw("""
                SELECT 1 AS yes FROM waitlist w JOIN services s ON s.id = w.service_id
                WHERE w.status = 'offered' AND w.offer_expires_at > \(bind: now.milliseconds) AND w.offer_therapist_id = \(bind: therapistId)
                  AND w.offer_start < \(bind: end.milliseconds) AND \(bind: start.milliseconds) < w.offer_start + (s.minutes + s.buffer_minutes) * 60000
                """).first()
            guard clash == nil else { return false }
            try await db.raw("""
                UPDATE waitlist SET status = 'offered', offer_start = \(bind: start.milliseconds), offer_therapist_id = \(bind: therapistId),
                    offer_expires_at = \(bind: expiresAt.milliseconds), offer_token_hash = \(bind: tokenHash)
                WHERE id = \(bind: entryId) AND status = 'waiting'
                """).run()
            try await SQLOutboxRepository.enqueue([mail], on: db, at: now)
            return true
        }
    }

    /// Live offers, whose held times others cannot book.
    public func heldOffers(at now: Instant) async throws -> [WaitlistEntry] {
        try await database.read { db in
            try await db.raw("SELECT * FROM waitlist WHERE status = 'offered' AND offer_expires_at > \(bind: now.milliseconds)").all().map(Self.entry)
        }
    }

    /// Offers nobody took in time lapse, freeing the time for the next in line.
    public func expireOffers(at now: Instant) async throws {
        try await database.write { db in
            try await db.raw("UPDATE waitlist SET status = 'expired' WHERE status = 'offered' AND offer_expires_at <= \(bind: now.milliseconds)").run()
        }
    }

    public func setStatus(id: String, _ status: WaitlistEntry.Status) async throws {
        try await database.write { db in
            try await db.raw("UPDATE waitlist SET status = \(bind: status.rawValue) WHERE id = \(bind: id)").run()
        }
    }

    public func holdMinutes() async throws -> Int {
        try await database.read { db in try await db.raw("SELECT waitlist_hold_minutes AS m FROM booking_rules WHERE id = 1").first()?.int("m") ?? 120 }
    }
}
