import LumbarCore

/// What sign-in needs to know about an account beyond its public fields.
public struct Credentials: Sendable {
    public let account: Account
    public let passwordHash: String
    public let totpSecret: String?
    /// The last 30-second step whose code was accepted (RFC 6238 §5.2): that step and earlier ones are refused.
    public let totpLastStep: Int64?
    public let failedLogins: Int
    public let lockedUntil: Instant?

    public init(account: Account, passwordHash: String, totpSecret: String?, totpLastStep: Int64?, failedLogins: Int, lockedUntil: Instant?) {
        self.account = account
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.totpLastStep = totpLastStep
        self.failedLogins = failedLogins
        self.lockedUntil = lockedUntil
    }
}
