import LumbarCore

/// Intakes: drafts saved as the client types, then submitted once with their triage, health history version,
/// scored questionnaires, clinic alerts and audit row, all in one transaction.
public protocol IntakeRepository: Sendable {
    func createDraft(clientId: String, answers: IntakeAnswers, startedBy: String?, at now: Instant) async throws -> Intake

    func find(id: String) async throws -> Intake?

    /// Every intake of a client, newest first.
    func list(clientId: String) async throws -> [Intake]

    func latestSubmitted(clientId: String) async throws -> Intake?

    @discardableResult
    func saveDraft(id: String, answers: IntakeAnswers, step: String, at now: Instant) async throws -> Bool

    /// Submits a draft; `.conflict` when it was already submitted (a double tap, or two tabs).
    func submit(_ intake: Intake, _ submission: IntakeSubmission, at now: Instant) async throws

    /// Versions of a client's health history, newest first: (intake it came with, answers, when).
    func histories(clientId: String) async throws -> [(intakeId: String?, answers: IntakeAnswers, at: Instant)]

    func addAction(_ action: ReferralAction) async throws -> String

    func actions(intakeId: String) async throws -> [ReferralAction]

    /// Whether a therapist has recorded that a physician cleared the client after this intake.
    func isCleared(intakeId: String) async throws -> Bool

    /// Latest submitted intakes triaged urgent or emergency with no clearance yet: (intake, client's name).
    func needingAction() async throws -> [(intake: Intake, clientName: String)]

    func startKiosk(tokenHash: String, intakeId: String, createdBy: String, expires: Instant, at now: Instant) async throws

    /// The intake a live tablet token opens, if any.
    func kioskIntake(tokenHash: String, at now: Instant) async throws -> String?

    func endKiosk(tokenHash: String, at now: Instant) async throws
}
