/// One intake: a draft while the client fills it in, then, once submitted, a fixed record with the contract input
/// built from it and the engine's triage. One per episode of care.
public struct Intake: Sendable, Equatable, Identifiable {
    public var id: String
    public var clientId: String
    public var answers: IntakeAnswers
    /// The step the client reached, so they come back where they left off.
    public var step: String
    public var createdAt: Instant
    public var updatedAt: Instant
    public var submittedAt: Instant?
    /// Contract input and output JSON, stored at submission.
    public var inputJSON: String?
    public var resultJSON: String?
    public var urgency: Urgency?
    public var decision: TreatmentDecision?

    public init(id: String, clientId: String, answers: IntakeAnswers = IntakeAnswers(), step: String = "about", createdAt: Instant,
                updatedAt: Instant, submittedAt: Instant? = nil, inputJSON: String? = nil, resultJSON: String? = nil,
                urgency: Urgency? = nil, decision: TreatmentDecision? = nil) {
        self.id = id
        self.clientId = clientId
        self.answers = answers
        self.step = step
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.submittedAt = submittedAt
        self.inputJSON = inputJSON
        self.resultJSON = resultJSON
        self.urgency = urgency
        self.decision = decision
    }

    public var isSubmitted: Bool { submittedAt != nil }
}
