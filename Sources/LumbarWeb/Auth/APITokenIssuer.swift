import LumbarClinic
import LumbarCore

/// Creates personal API tokens for staff, from the account page or the command line. The secret is returned once;
/// only its hash is stored, and the creation is audited.
public struct APITokenIssuer: Sendable {
    let tokens: any APITokenRepository
    let audit: any AuditRepository
    public init(repositories: ClinicRepositories) {
        tokens = repositories.apiTokens
        audit = repositories.audit
    }

    public enum Failure: Error, Equatable { case notStaff }

    /// What is wrong with a token's name, if anything: the account page shows it beside the field, the CLI prints it.
    public static func nameProblem(_ name: String) -> String? {
        name.isEmpty || !FieldLimit.name.allows(name) ? "Give the token a name of up to \(FieldLimit.name) characters." : nil
    }

    public func issue(for account: Account, name: String, address: String, at now: Instant) async throws -> String {
        guard account.role.isStaff else { throw Failure.notStaff }
        let token = "lmb_" + Secrets.token()
        _ = try await tokens.create(accountId: account.id, name: name, tokenHash: Secrets.hash(token), at: now)
        try await audit.append(AuditEntry(at: now, actorId: account.id, actorRole: account.role, clientId: nil,
                                                                        infoType: .account, action: .create, address: address,
                                                                        detail: "API token created"))
        return token
    }
}
