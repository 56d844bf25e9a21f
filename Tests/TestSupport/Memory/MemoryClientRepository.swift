import LumbarClinic
import LumbarCore
import Synchronization

/// Client records and care teams in memory.
public final class MemoryClientRepository: ClientRepository {
    private struct State {
        var clients: [Client] = []
        var registered: [String: Instant] = [:]
        var team: Set<[String]> = []
    }

    private let state = Mutex(State())
    private let accounts: MemoryAccountRepository
    private let ids: IDSource

    public init(accounts: MemoryAccountRepository, ids: IDSource = .random) {
        self.accounts = accounts
        self.ids = ids
    }

    public func create(_ client: Client, at now: Instant) async throws -> Client {
        var created = client
        if created.id.isEmpty { created.id = ids.next() }
        let saved = created
        try state.withLock { state in
            guard !state.clients.contains(where: { $0.id == saved.id }) else { throw StorageError.conflict("That client already exists.") }
            state.clients.append(saved)
            state.registered[saved.id] = now
        }
        return saved
    }

    public func find(id: String) async throws -> Client? { state.withLock { $0.clients.first { $0.id == id } } }

    public func find(accountId: String) async throws -> Client? { state.withLock { $0.clients.first { $0.accountId == accountId } } }

    public func names(ids: Set<String>) async throws -> [String: String] {
        state.withLock { Dictionary($0.clients.filter { ids.contains($0.id) }.map { ($0.id, $0.fullName) }, uniquingKeysWith: { a, _ in a }) }
    }

    public func list(treatedBy therapistId: String?, matching search: String) async throws -> [Client] {
        let needle = search.lowercased().trimmed
        return state.withLock { state in
            state.clients.filter { client in
                (therapistId == nil || state.team.contains([therapistId!, client.id]))
                    && (needle.isEmpty || "\(client.firstName) \(client.lastName)".lowercased().contains(needle))
            }.sorted { ($0.lastName, $0.firstName) < ($1.lastName, $1.firstName) }.prefix(500).map { $0 }
        }
    }

    public func search(_ query: ClientQuery, treatedBy therapistId: String?, limit: Int) async throws -> [ClientMatch] {
        let visible = state.withLock { state in state.clients.filter { therapistId == nil || state.team.contains([therapistId!, $0.id]) } }
        return query.rank(visible, limit: max(0, min(limit, 50)))
    }

    public func recent(treatedBy therapistId: String?, limit: Int) async throws -> (total: Int, clients: [Client]) {
        state.withLock { state in
            let visible = state.clients.filter { therapistId == nil || state.team.contains([therapistId!, $0.id]) }
            let newest = visible.sorted { a, b in
                let (x, y) = (state.registered[a.id]?.milliseconds ?? 0, state.registered[b.id]?.milliseconds ?? 0)
                return x != y ? x > y : b.id.utf8.lexicographicallyPrecedes(a.id.utf8)
            }
            return (visible.count, Array(newest.prefix(max(0, limit))))
        }
    }

    public func treats(therapistId: String, clientId: String) async throws -> Bool { state.withLock { $0.team.contains([therapistId, clientId]) } }

    public func assign(therapistId: String, clientId: String, at now: Instant) async throws {
        _ = state.withLock { $0.team.insert([therapistId, clientId]) }
    }

    public func therapists(of clientId: String) async throws -> [Account] {
        let ids = state.withLock { state in state.team.filter { $0[1] == clientId }.map { $0[0] } }
        return try await accounts.therapists().filter { ids.contains($0.id) }
    }

    public func createPortalAccount(clientId: String, draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account {
        let account = try await accounts.create(draft, passwordHash: passwordHash, totpSecret: nil, at: now)
        state.withLock { state in
            if let index = state.clients.firstIndex(where: { $0.id == clientId }) { state.clients[index].accountId = account.id }
        }
        return account
    }

    /// The contact details an intake gives, as `SQLClientRepository.updateContact` writes them.
    func updateContact(_ contact: Client) {
        state.withLock { state in
            guard let index = state.clients.firstIndex(where: { $0.id == contact.id }) else { return }
            state.clients[index].firstName = contact.firstName
            state.clients[index].lastName = contact.lastName
            state.clients[index].phone = contact.phone
            state.clients[index].dateOfBirth = contact.dateOfBirth
            state.clients[index].emergencyContact = contact.emergencyContact
        }
    }

    public func lastVisits() async throws -> [(client: Client, lastVisit: Instant?, registered: Instant)] {
        throw MemoryStore.Unsupported(what: "ClientRepository.lastVisits (reports read appointments through SQL)")
    }
}
