import LumbarCore

/// Consents and withdrawals, append-only; each write commits with its audit row.
public protocol ConsentRepository: Sendable {
    func add(_ consent: Consent, audit: AuditEntry) async throws -> String

    func list(clientId: String) async throws -> [Consent]
}
