import LumbarClinic
import LumbarCore
import Synchronization

/// Visit-note templates in memory, kept and ordered as the SQL store keeps them.
public final class MemoryNoteTemplateRepository: NoteTemplateRepository {
    private let templates = Mutex<[String: NoteTemplate]>([:])
    private let ids: IDSource

    public init(ids: IDSource = .random) { self.ids = ids }

    public func all() async throws -> [NoteTemplate] {
        templates.withLock { $0.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) } }
    }

    public func find(id: String) async throws -> NoteTemplate? { templates.withLock { $0[id] } }

    public func save(_ template: NoteTemplate) async throws -> NoteTemplate {
        var saved = template
        if saved.id.isEmpty { saved.id = ids.next() }
        return templates.withLock { templates in
            // An edit keeps the stored retirement, as the SQL update does.
            if let stored = templates[saved.id] { saved.retiredAt = stored.retiredAt }
            templates[saved.id] = saved
            return saved
        }
    }

    public func retire(id: String, at now: Instant?) async throws {
        templates.withLock { $0[id]?.retiredAt = now }
    }
}
