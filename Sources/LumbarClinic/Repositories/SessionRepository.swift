import LumbarCore

/// SessionRepository.
public protocol SessionRepository: Sendable {
    func create(tokenHash: String, accountId: String, csrfToken: String, secondFactorDone: Bool, address: String, at now: Instant) async throws

    func find(tokenHash: String) async throws -> SessionRecord?

    func touch(tokenHash: String, at now: Instant) async throws

    func completeSecondFactor(tokenHash: String) async throws

    func delete(tokenHash: String) async throws

    /// Removes sessions idle since `idleBefore` or started before `startedBefore`.
    func deleteExpired(idleBefore: Instant, startedBefore: Instant) async throws
}
