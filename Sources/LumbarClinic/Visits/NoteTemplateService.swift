import LumbarCore

/// Who keeps which visit-note templates, and which a note offers: the owner keeps the clinic's and their own, a
/// therapist their own; a note offers the clinic's and the author's, those for the visit's service first.
public struct NoteTemplateService: Sendable {
    public enum Failure: Error, Equatable {
        case notYours
        case invalid([FieldProblem])
    }

    let templates: any NoteTemplateRepository
    let clock: WallClock

    public init(templates: any NoteTemplateRepository, clock: WallClock) {
        self.templates = templates
        self.clock = clock
    }

    /// Whether `account` may change `template`.
    public static func keeps(_ account: Account, _ template: NoteTemplate) -> Bool {
        switch account.role {
        case .owner: return template.ownerId == nil || template.ownerId == account.id
        case .therapist: return template.ownerId == account.id
        default: return false
        }
    }

    /// Every template `account` sees in its list: the clinic's and their own, retired ones included.
    public func list(for account: Account) async throws -> [NoteTemplate] {
        try await templates.all().filter { $0.ownerId == nil || $0.ownerId == account.id }
    }

    /// The templates a note by `author` for `serviceId` offers: in use, the service's own first, then by name.
    public func offered(to author: Account, serviceId: String?) async throws -> [NoteTemplate] {
        let usable = try await list(for: author).filter { $0.retiredAt == nil && ($0.serviceId == nil || $0.serviceId == serviceId) }
        return usable.filter { $0.serviceId != nil } + usable.filter { $0.serviceId == nil }
    }

    /// One template `account` may change, or `notYours`.
    public func kept(id: String, by account: Account) async throws -> NoteTemplate? {
        guard let template = try await templates.find(id: id) else { return nil }
        guard Self.keeps(account, template) else { throw Failure.notYours }
        return template
    }

    /// Keeps a new or changed template. A therapist's is always their own; the owner's new ones are the clinic's
    /// unless `personal`.
    public func save(_ template: NoteTemplate, by account: Account, personal: Bool = false) async throws -> NoteTemplate {
        var kept = template
        kept.updatedAt = clock.now()
        if template.id.isEmpty {
            kept.ownerId = account.role == .owner && !personal ? nil : account.id
        } else {
            guard let stored = try await templates.find(id: template.id), Self.keeps(account, stored) else { throw Failure.notYours }
            kept.ownerId = stored.ownerId
            kept.retiredAt = stored.retiredAt
        }
        guard Self.keeps(account, kept) else { throw Failure.notYours }
        let problems = kept.problems
        guard problems.isEmpty else { throw Failure.invalid(problems) }
        return try await templates.save(kept)
    }

    /// Retires (or, with `retired: false`, restores) a template `account` keeps.
    public func retire(id: String, by account: Account, retired: Bool = true) async throws {
        guard try await kept(id: id, by: account) != nil else { throw Failure.notYours }
        try await templates.retire(id: id, at: retired ? clock.now() : nil)
    }
}
