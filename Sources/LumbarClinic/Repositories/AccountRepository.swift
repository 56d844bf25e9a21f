import LumbarCore

/// Staff and client accounts, their passwords, second factors and lockout state.
public protocol AccountRepository: Sendable {
    func create(_ draft: AccountDraft, passwordHash: String, totpSecret: String?, at now: Instant) async throws -> Account

    /// A staff account whose password is still to be chosen from an emailed link: `passwordHash` is of a secret
    /// nobody knows, so it cannot sign in until then. `Account.invitationPending` is true until `setPassword`.
    func invite(_ draft: AccountDraft, passwordHash: String, at now: Instant) async throws -> Account

    /// Changes a staff member's name, email, role and registration; false when there is no such account.
    /// Throws `StorageError.conflict` when another account has the email.
    func update(id: String, email: String, name: String, role: Role, collegeRegistration: String?) async throws -> Bool

    /// Retires (or restores) an account: retired, it cannot sign in and its sessions end; its records stay.
    func setRetired(id: String, _ retired: Bool, at now: Instant) async throws -> Bool

    func credentials(email: String) async throws -> Credentials?

    func credentials(id: String) async throws -> Credentials?

    func find(id: String) async throws -> Account?

    func staff() async throws -> [Account]

    func therapists() async throws -> [Account]

    /// Counts a failed password; locks the account until `lockUntil` when given.
    func recordFailure(id: String, lockUntil: Instant?) async throws

    func recordSuccess(id: String) async throws

    /// Sets the password (ending every session) and closes a pending invitation.
    func setPassword(id: String, hash: String) async throws

    /// Stores a pending secret; the second factor is on only after `enableTOTP`.
    func setTOTPSecret(id: String, secret: String) async throws

    /// Turns two-factor on and replaces the recovery codes, in one transaction.
    func enableTOTP(id: String, recoveryCodeHashes: [String]) async throws

    /// Records `step` as the last one used, only if it is later than the one recorded; false when it is not,
    /// so two sign-ins racing with the same code cannot both succeed.
    func acceptTOTPStep(id: String, step: Int64) async throws -> Bool

    /// Spends one recovery code; false when it is unknown or already used.
    func useRecoveryCode(id: String, hash: String, at now: Instant) async throws -> Bool
}

/// The defaults callers rely on; each forwards to the requirement.
extension AccountRepository {
    public func create(_ draft: AccountDraft, passwordHash: String, totpSecret: String? = nil, at now: Instant) async throws -> Account {
        try await create(draft, passwordHash: passwordHash, totpSecret: totpSecret, at: now)
    }
}
