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
            try await Self.index([row], on: db)
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
        try await db.raw("DELETE FROM client_search_terms WHERE client_id = \(bind: client.id)").run()
        if let updated = try await db.raw("SELECT * FROM clients WHERE id = \(bind: client.id)").first().map(Self.client) {
            try await index([updated], on: db)
        }
    }

    /// Writes the search keys of clients just inserted (`ClientSearch.keys`), inside the caller's transaction.
    public static func index(_ clients: [Client], on db: any SQLDatabase) async throws {
        var rows: [SQLQueryString] = []
        for client in clients {
            let sort = ClientSearch.sortName(of: client), words = ClientSearch.nameWords(of: client)
            for key in ClientSearch.keys(for: client) {
                rows.append("(\(bind: key.term), \(bind: sort), \(bind: client.id), \(bind: words))")
            }
        }
        // 200 rows of four values stay under every SQLite build's limit on bound values.
        for start in stride(from: 0, to: rows.count, by: 200) {
            let values = rows[start..<min(start + 200, rows.count)].joined(separator: ", ")
            try await db.raw("INSERT INTO client_search_terms (term, sort_name, client_id, name_words) VALUES " + values).run()
        }
    }

    /// Fills the search keys of every client (migration 18, for clients registered before it).
    @Sendable public static func indexAll(on db: any SQLDatabase) async throws {
        let clients = try await db.raw("SELECT * FROM clients").all().map(Self.client)
        for start in stride(from: 0, to: clients.count, by: 1000) {
            try await index(Array(clients[start..<min(start + 1000, clients.count)]), on: db)
        }
    }

    public func find(id: String) async throws -> Client? {
        try await database.read { db in
            try await db.raw("SELECT * FROM clients WHERE id = \(bind: id)").first().map(Self.client)
        }
    }

    public func names(ids: Set<String>) async throws -> [String: String] {
        // Bound in chunks: SQLite allows at most 32,766 bound values in one statement, PostgreSQL 65,535.
        let all = Array(ids)
        var names: [String: String] = [:]
        for start in stride(from: 0, to: all.count, by: 500) {
            let chunk = all[start..<min(start + 500, all.count)].map { $0 as any Encodable & Sendable }
            let rows = try await database.read { db in
                try await db.raw("SELECT id, first_name, last_name FROM clients WHERE id IN (\(binds: chunk))").all()
            }
            for row in rows { names[try row.string("id")] = "\(try row.string("first_name")) \(try row.string("last_name"))" }
        }
        return names
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

    public func search(_ query: ClientQuery, treatedBy therapistId: String?, limit: Int) async throws -> [ClientMatch] {
        let limit = max(0, min(limit, 50))
        guard limit > 0 else { return [] }
        return try await database.read { db in
            var found: [ClientMatch] = []
            var seen: Set<String> = []
            for search in query.searches where found.count < limit {
                // A client may have several keys in one range ("s": Smith and Sanders): read a few more rows than
                // needed, and more again in the rare case those were not enough.
                var rows = (limit - found.count) * 2 + 4
                while true {
                    let before = (found, seen)
                    let page = try await Self.range(search, treatedBy: therapistId, rows: rows, on: db)
                    for client in page where found.count < limit && seen.insert(client.id).inserted {
                        found.append(ClientMatch(client: client, matchedBy: search.kind))
                    }
                    if found.count == limit || page.count < rows { break }
                    (found, seen) = before
                    rows *= 4
                }
            }
            return found
        }
    }

    /// The clients with a key in `search`'s range, one row per key, in index order: the term, then the name.
    static func range(_ search: ClientQuery.Search, treatedBy therapistId: String?, rows: Int, on db: any SQLDatabase) async throws -> [Client] {
        let (low, high) = search.range
        var sql: SQLQueryString = """
            SELECT c.* FROM client_search_terms t JOIN clients c ON c.id = t.client_id
            WHERE t.term >= \(bind: low) AND t.term < \(bind: high)
            """
        // Typed words are letters and digits only (ClientSearch.words), so none carries a LIKE wildcard.
        for word in search.alsoNamed { sql += " AND t.name_words LIKE \(bind: "% " + word + "%")" }
        if let therapistId {
            sql += " AND EXISTS (SELECT 1 FROM care_assignments ca WHERE ca.therapist_id = \(bind: therapistId) AND ca.client_id = t.client_id)"
        }
        sql += " ORDER BY t.term, t.sort_name, t.client_id LIMIT \(bind: rows)"
        return try await db.raw(sql).all().map(Self.client)
    }

    public func recent(treatedBy therapistId: String?, limit: Int) async throws -> (total: Int, clients: [Client]) {
        try await database.read { db in
            if let therapistId {
                let total = try await db.raw("SELECT COUNT(*) AS n FROM care_assignments WHERE therapist_id = \(bind: therapistId)").first()?
                    .decode(column: "n", as: Int.self) ?? 0
                let clients = try await db.raw("""
                    SELECT c.* FROM clients c JOIN care_assignments ca ON ca.client_id = c.id WHERE ca.therapist_id = \(bind: therapistId)
                    ORDER BY c.created_at DESC, c.id DESC LIMIT \(bind: max(0, limit))
                    """).all().map(Self.client)
                return (total, clients)
            }
            let total = try await db.raw("SELECT COUNT(*) AS n FROM clients").first()?.decode(column: "n", as: Int.self) ?? 0
            let clients = try await db.raw("SELECT * FROM clients ORDER BY created_at DESC, id DESC LIMIT \(bind: max(0, limit))").all().map(Self.client)
            return (total, clients)
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
