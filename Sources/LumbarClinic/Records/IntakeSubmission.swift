import LumbarCore

/// What an intake submission writes besides the intake itself.
public struct IntakeSubmission: Sendable {
    public var inputJSON: String
    public var resultJSON: String
    public var urgency: Urgency
    public var decision: TreatmentDecision
    /// The health history, stored as a new version only when it differs from the latest one.
    public var history: IntakeAnswers
    public var responses: [QuestionnaireResponse]
    public var alerts: [QueuedMail]
    public var audit: AuditEntry
    public var recordedBy: String?
    /// The client's contact details as given on the intake.
    public var contact: Client?

    public init(inputJSON: String, resultJSON: String, urgency: Urgency, decision: TreatmentDecision, history: IntakeAnswers,
                responses: [QuestionnaireResponse], alerts: [QueuedMail], audit: AuditEntry, recordedBy: String?, contact: Client? = nil) {
        self.inputJSON = inputJSON
        self.resultJSON = resultJSON
        self.urgency = urgency
        self.decision = decision
        self.history = history
        self.responses = responses
        self.alerts = alerts
        self.audit = audit
        self.recordedBy = recordedBy
        self.contact = contact
    }
}
