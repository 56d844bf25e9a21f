import LumbarCore

/// Clinical chart entries. Append-only in the database: a correction is a new note that names the one it amends.
public protocol ChartNoteRepository: Sendable {
    func add(clientId: String, authorId: String, body: String, amends: String?, reason: String?, at now: Instant) async throws -> String

    func list(clientId: String) async throws -> [ChartNote]
}

/// The defaults callers rely on; each forwards to the requirement.
extension ChartNoteRepository {
    public func add(clientId: String, authorId: String, body: String, amends: String? = nil, reason: String? = nil, at now: Instant) async throws -> String {
        try await add(clientId: clientId, authorId: authorId, body: body, amends: amends, reason: reason, at: now)
    }
}
