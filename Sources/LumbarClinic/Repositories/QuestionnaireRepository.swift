import LumbarCore

/// Questionnaire definitions a clinic loaded (the newest per instrument is in use) and scored responses.
public protocol QuestionnaireRepository: Sendable {
    func load(_ definition: QuestionnaireDefinition, by accountId: String, at now: Instant) async throws

    /// The clinic's loaded definitions, newest per instrument; instruments with none use the shipped wording.
    func loaded() async throws -> [Instrument: QuestionnaireDefinition]

    /// Stores one response on its own (a repeat questionnaire between visits).
    func record(_ response: QuestionnaireResponse, recordedBy: String?) async throws

    func responses(clientId: String) async throws -> [QuestionnaireResponse]
}
