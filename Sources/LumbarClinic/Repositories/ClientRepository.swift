import LumbarCore

/// Clients' identity and contact details, and which therapists treat them.
public protocol ClientRepository: Sendable {
    func create(_ client: Client, at now: Instant) async throws -> Client

    func find(id: String) async throws -> Client?

    func find(accountId: String) async throws -> Client?

    /// The full names (`Client.fullName`) of the clients with these ids; ids that name nobody are left out. One read
    /// of two columns, so a page naming a week of appointments' clients neither asks once per client nor reads whole rows.
    func names(ids: Set<String>) async throws -> [String: String]

    /// Every client, or only those `therapistId` treats; optionally filtered by a name fragment.
    func list(treatedBy therapistId: String?, matching search: String) async throws -> [Client]

    /// The first `limit` clients `query` finds, best first (the order `ClientQuery.rank` defines); only those
    /// `therapistId` treats when one is given. Reads indexes only: fast at 100,000 clients.
    func search(_ query: ClientQuery, treatedBy therapistId: String?, limit: Int) async throws -> [ClientMatch]

    /// How many clients there are (or `therapistId` treats), and the `limit` registered most recently, newest first.
    func recent(treatedBy therapistId: String?, limit: Int) async throws -> (total: Int, clients: [Client])

    func treats(therapistId: String, clientId: String) async throws -> Bool

    func assign(therapistId: String, clientId: String, at now: Instant) async throws

    func therapists(of clientId: String) async throws -> [Account]

    /// Creates the client's portal account and links it to their record, together.
    func createPortalAccount(clientId: String, draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account

    /// Each client with the start of their last attended visit (nil when they never came), for retention.
    func lastVisits() async throws -> [(client: Client, lastVisit: Instant?, registered: Instant)]
}

/// The defaults callers rely on; each forwards to the requirement.
extension ClientRepository {
    public func list(treatedBy therapistId: String? = nil, matching search: String = "") async throws -> [Client] {
        try await list(treatedBy: therapistId, matching: search)
    }
}
