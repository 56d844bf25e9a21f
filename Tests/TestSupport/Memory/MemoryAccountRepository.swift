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
