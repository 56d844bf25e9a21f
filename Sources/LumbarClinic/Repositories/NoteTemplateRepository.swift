import LumbarCore

/// Visit-note templates: settings, so edited in place; retired rather than deleted, so a list of what was kept stays.
public protocol NoteTemplateRepository: Sendable {
    /// Every template, retired ones included, by name.
    func all() async throws -> [NoteTemplate]

    func find(id: String) async throws -> NoteTemplate?

    /// Adds a template with no id (it is given one), or replaces the one with its id; returns what was kept.
    func save(_ template: NoteTemplate) async throws -> NoteTemplate

    /// Marks it retired at `now`, or brings it back with nil.
    func retire(id: String, at now: Instant?) async throws
}
