import LumbarClinic
import LumbarCore
import Synchronization

/// Questionnaire definitions and responses in memory.
public final class MemoryQuestionnaireRepository: QuestionnaireRepository {
    private let definitions = Mutex<[Instrument: QuestionnaireDefinition]>([:])
    private let recorded = Mutex<[QuestionnaireResponse]>([])

    public init() {}

    public func load(_ definition: QuestionnaireDefinition, by accountId: String, at now: Instant) async throws {
        definitions.withLock { $0[definition.instrument] = definition }
    }

    public func loaded() async throws -> [Instrument: QuestionnaireDefinition] { definitions.withLock { $0 } }

    public func record(_ response: QuestionnaireResponse, recordedBy: String?) async throws {
        var kept = response
        if kept.id.isEmpty { kept.id = RandomUUID.make() }
        let saved = kept
        recorded.withLock { $0.append(saved) }
    }

    public func responses(clientId: String) async throws -> [QuestionnaireResponse] {
        recorded.withLock { $0.filter { $0.clientId == clientId }.sorted { ($0.at, $0.id) < ($1.at, $1.id) } }
    }
}
