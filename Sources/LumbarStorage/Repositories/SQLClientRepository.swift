import Foundation
import LumbarClinic
import LumbarCore
import SQLKit

/// Clients' identity and contact details, and which therapists treat them.
public struct SQLClientRepository: ClientRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func create(_ client: Client, at now: Instant) async throws -> Client {
        var stored = client
        stored.id = client.id.isEmpty ? Database.newID() : client.id
        let row = stored
        try await database.write { db in
            try await db.raw("""
                INSERT INTO clients (id, account_id, first_name, last_name, email, phone, date_of_birth, emergency_contact, created_at)
                VALUES (\(bind: row.id), \(bind: row.accountId), \(bind: row.firstName), \(bind: row.lastName), \(bind: row.email),
                        \(bind: row.phone), \(bind: row.dateOfBirth?.description), \(bind: row.emergencyContact), \(bind: now.milliseconds))
                """).run()
        }
        return stored
    }

    static func client(_ row: any SQLRow) throws -> Client {
        Client(
            id: try row.string("id"), accountId: try row.optionalString("account_id"),
            firstName: try row.string("first_name"), lastName: try row.string("last_name"),
            email: try row.string("email"), phone: try row.string("phone"),
            dateOfBirth: try row.optionalString("date_of_birth").flatMap(LocalDate.init(iso:)),
            emergencyContact: try row.string("emergency_contact"))
    }

    /// Contact details as the client last gave them (at intake); the intake itself keeps what was given each time.
    static func updateContact(_ client: Client, on db: any SQLDatabase) async throws {
        try await db.raw("""
            UPDATE clients SET first_name = \(bind: client.firstName), last_name = \(bind: client.lastName), phone = \(bind: client.phone),
                date_of_birth = \(bind: client.dateOfBirth?.description), emergency_contact = \(bind: client.emergencyContact)
            WHERE id = \(bind: client.id)
            """).run()
    }

    public func find(id: String) async throws -> Client? {
        try await database.read { db in
            try await db.raw("SELECT * FROM clients WHERE id = \(bind: id)").first().map(Self.client)
        }
    }

    public func find(accountId: String) async throws -> Client? {
        try await database.read { db in
            try await db.raw("SELECT * FROM clients WHERE account_id = \(bind: accountId)").first().map(Self.client)
        }
    }

    /// Every client, or only those `therapistId` treats; optionally filtered by a name fragment.
    public func list(treatedBy therapistId: String? = nil, matching search: String = "") async throws -> [Client] {
        // The search is text, never a pattern: LIKE's own wildcards are escaped.
        let literal = search.lowercased().trimmed.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%" + literal + "%"
        return try await database.read { db in
            if let therapistId {
                return try await db.raw("""
                    SELECT c.* FROM clients c JOIN care_assignments ca ON ca.client_id = c.id
                    WHERE ca.therapist_id = \(bind: therapistId)
                      AND LOWER(c.first_name || ' ' || c.last_name) LIKE \(bind: pattern) ESCAPE '\\'
                    ORDER BY c.last_name, c.first_name LIMIT 500
                    """).all().map(Self.client)
            }
            return try await db.raw("""
                SELECT * FROM clients WHERE LOWER(first_name || ' ' || last_name) LIKE \(bind: pattern) ESCAPE '\\'
                ORDER BY last_name, first_name LIMIT 500
                """).all().map(Self.client)
        }
    }

    public func treats(therapistId: String, clientId: String) async throws -> Bool {
        try await database.read { db in
            try await db.raw("""
                SELECT 1 AS yes FROM care_assignments WHERE therapist_id = \(bind: therapistId) AND client_id = \(bind: clientId)
                """).first() != nil
        }
    }

    public func assign(therapistId: String, clientId: String, at now: Instant) async throws {
        try await database.write { db in try await Self.assign(db, therapistId: therapistId, clientId: clientId, at: now) }
    }

    /// Adds the therapist to the client's care team inside a caller's transaction; nothing if already there. One
    /// statement, so two bookings for the same pair at once cannot both try to add it (PostgreSQL would refuse one).
    static func assign(_ db: any SQLDatabase, therapistId: String, clientId: String, at now: Instant) async throws {
        try await db.raw("""
            INSERT INTO care_assignments (therapist_id, client_id, created_at) VALUES (\(bind: therapistId), \(bind: clientId), \(bind: now.milliseconds))
            ON CONFLICT (therapist_id, client_id) DO NOTHING
            """).run()
    }

    public func therapists(of clientId: String) async throws -> [Account] {
        try await database.read { db in
            try await db.raw("""
                SELECT a.* FROM accounts a JOIN care_assignments ca ON ca.therapist_id = a.id WHERE ca.client_id = \(bind: clientId) ORDER BY a.name
                """).all().map(SQLAccountRepository.account)
        }
    }

    /// Creates the client's portal account and links it to their record, together.
    public func createPortalAccount(clientId: String, draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account {
        let accountId = Database.newID()
        try await database.write { db in
            try await SQLAccountRepository.insert(db, id: accountId, draft: draft, passwordHash: passwordHash, totpSecret: nil, at: now)
            try await db.raw("UPDATE clients SET account_id = \(bind: accountId) WHERE id = \(bind: clientId) AND account_id IS NULL").run()
        }
        return Account(id: accountId, email: draft.email, name: draft.name, role: .client)
    }

    /// Each client with the start of their last attended visit (nil when they never came), for retention.
    public func lastVisits() async throws -> [(client: Client, lastVisit: Instant?, registered: Instant)] {
        try await database.read { db in
            try await db.raw("""
                SELECT c.*, (SELECT MAX(a.starts_at) FROM appointments a WHERE a.client_id = c.id AND a.status IN ('arrived', 'completed')) AS last_visit
                FROM clients c ORDER BY c.last_name, c.first_name
                """).all().map { row in
                (try Self.client(row), try row.optionalInstant("last_visit"), try row.instant("created_at"))
            }
        }
    }
}
