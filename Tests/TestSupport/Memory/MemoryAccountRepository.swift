import LumbarClinic
import LumbarCore
import Synchronization

/// Accounts in memory: enough for the use cases (who the therapists and staff are, who an id is). Sign-in state
/// (failures, two-step codes) is the SQL store's alone and refused here.
public final class MemoryAccountRepository: AccountRepository {
    private let rows = Mutex<[Credentials]>([])
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func create(_ draft: AccountDraft, passwordHash: String, totpSecret: String?, at now: Instant) async throws -> Account {
        let account = Account(id: ids.next(), email: draft.email, name: draft.name, role: draft.role, collegeRegistration: draft.collegeRegistration)
        try rows.withLock { rows in
            guard !rows.contains(where: { $0.account.email == draft.email }) else { throw StorageError.conflict("That email address is already used.") }
            rows.append(Credentials(account: account, passwordHash: passwordHash, totpSecret: totpSecret, totpLastStep: nil, failedLogins: 0, lockedUntil: nil))
        }
        return account
    }

    public func invite(_ draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account {
        var account = try await create(draft, passwordHash: passwordHash, totpSecret: nil, at: now)
        account.invitationPending = true
        let invited = account
        change(account.id) { $0.invitationPending = true }
        return invited
    }

    public func update(id: String, email: String, name: String, role: Role, collegeRegistration: String?) async throws -> Bool {
        let email = email.trimmed.lowercased()
        return try rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.account.id == id }) else { return false }
            guard !rows.contains(where: { $0.account.email == email && $0.account.id != id }) else { throw StorageError.conflict("That email address is already used.") }
            var account = rows[index].account
            account.email = email
            account.name = name
            account.role = role
            account.collegeRegistration = collegeRegistration
            rows[index] = Self.replacing(rows[index], with: account)
            return true
        }
    }

    public func setRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool { change(id) { $0.active = !retired } }

    @discardableResult
    private func change(_ id: String, _ edit: (inout Account) -> Void) -> Bool {
        rows.withLock { rows in
            guard let index = rows.firstIndex(where: { $0.account.id == id }) else { return false }
            var account = rows[index].account
            edit(&account)
            rows[index] = Self.replacing(rows[index], with: account)
            return true
        }
    }

    private static func replacing(_ row: Credentials, with account: Account) -> Credentials {
        Credentials(account: account, passwordHash: row.passwordHash, totpSecret: row.totpSecret, totpLastStep: row.totpLastStep,
                    failedLogins: row.failedLogins, lockedUntil: row.lockedUntil)
    }

    public func credentials(email: String) async throws -> Credentials? { rows.withLock { $0.first { $0.account.email == email } } }
    public func credentials(id: String) async throws -> Credentials? { rows.withLock { $0.first { $0.account.id == id } } }
    public func find(id: String) async throws -> Account? { try await credentials(id: id)?.account }

    /// Everyone who is not a client, active or not, by name.
    public func staff() async throws -> [Account] {
        rows.withLock { $0.map(\.account).filter { $0.role != .client }.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func therapists() async throws -> [Account] { try await staff().filter { $0.role == .therapist && $0.active } }

    public func recordFailure(id: String, lockUntil: Instant?) async throws { throw unsupported("recordFailure") }
    public func recordSuccess(id: String) async throws { throw unsupported("recordSuccess") }
    public func setPassword(id: String, hash: String) async throws { throw unsupported("setPassword") }
    public func setTOTPSecret(id: String, secret: String) async throws { throw unsupported("setTOTPSecret") }
    public func enableTOTP(id: String, recoveryCodeHashes: [String]) async throws { throw unsupported("enableTOTP") }
    public func acceptTOTPStep(id: String, step: Int64) async throws -> Bool { throw unsupported("acceptTOTPStep") }
    public func useRecoveryCode(id: String, hash: String, at now: Instant) async throws -> Bool { throw unsupported("useRecoveryCode") }

    private func unsupported(_ method: String) -> MemoryStore.Unsupported { .init(what: "AccountRepository.\(method) (sign-in state)") }
}
