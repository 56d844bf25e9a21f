import LumbarCore
import LumbarZones

/// The intake's rules that pages, the API and booking share: which form this clinic asks, and whether a client's
/// latest triage pauses their online booking.
public struct IntakeRules: Sendable {
    let services: ClinicServices

    public init(services: ClinicServices) { self.services = services }

    public enum Failure: Error, Equatable {
        /// Some answers the assessment needs are missing or unreadable.
        case incomplete
    }

    /// Today in the clinic's own time zone.
    public func today() async throws -> LocalDate {
        let zone = FoundationZone(identifier: try await services.clinic.profile()?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        return zone.local(services.now).date
    }

    /// A new draft, pre-filled with the client's contact details and their latest health history to review.
    public func startDraft(for client: Client, startedBy: String?) async throws -> Intake {
        var answers = IntakeAnswers([
            "firstName": [client.firstName], "lastName": [client.lastName], "phone": [client.phone],
            "dateOfBirth": [client.dateOfBirth?.description ?? ""],
        ])
        let contact = EmergencyContact(stored: client.emergencyContact)
        answers.set("emergencyName", [contact.name])
        answers.set("emergencyPhone", [contact.phone])
        if let latest = try await services.intake.histories(clientId: client.id).first {
            answers.merge(latest.answers, replacing: IntakeForm.historyIds)
        }
        return try await services.intake.createDraft(clientId: client.id, answers: answers, startedBy: startedBy, at: services.now)
    }

    /// Runs the engine on a complete intake and stores it with its triage; alerts the clinic for urgent and emergency.
    /// `account` is the client signed in, or nil at the front-desk tablet (`viaKiosk`); `address` is where they are, for
    /// the audit row that commits with the intake. A second submission (a double tap) keeps the first triage.
    public func submit(_ intake: Intake, client: Client, by account: Account?, viaKiosk: Bool, address: String) async throws -> Urgency {
        let form = try await form()
        let today = try await today()
        guard let input = form.assessmentInput(intake.answers, assessedOn: today) else { throw Failure.incomplete }
        let profile = try await services.clinic.profile()
        let assessment = AssessmentEngine(settings: profile?.engineSettings ?? EngineSettings()).assess(input)
        let answers = intake.answers
        let contact = Client(id: client.id, accountId: client.accountId, firstName: answers["firstName"].trimmed, lastName: answers["lastName"].trimmed,
                             email: client.email, phone: PhoneNumber.normalised(answers["phone"]), dateOfBirth: LocalDate(iso: answers["dateOfBirth"]),
                             emergencyContact: EmergencyContact(name: answers["emergencyName"], phone: answers["emergencyPhone"]).stored)
        let submission = IntakeSubmission(
            inputJSON: input.json, resultJSON: assessment.json, urgency: assessment.urgency, decision: assessment.decision,
            history: IntakeForm.history(answers),
            responses: form.responses(answers, clientId: client.id, intakeId: intake.id, at: services.now),
            alerts: try await alerts(for: client, urgency: assessment.urgency, clinicName: profile?.name ?? "the clinic"),
            audit: AuditEntry(at: services.now, actorId: account?.id, actorRole: account?.role, clientId: client.id,
                              infoType: .intake, action: .create, address: address,
                              detail: "intake submitted, triage \(assessment.urgency.rawValue)" + (viaKiosk ? " (front-desk tablet)" : "")),
            recordedBy: account?.id, contact: contact)
        do {
            try await services.intake.submit(intake, submission, at: services.now)
        } catch StorageError.conflict {
            return intake.urgency ?? assessment.urgency
        }
        return assessment.urgency
    }

    /// Emails that tell the owner and the client's therapists to look, without any health detail in the email itself.
    private func alerts(for client: Client, urgency: Urgency, clinicName: String) async throws -> [QueuedMail] {
        guard urgency >= .urgent else { return [] }
        var recipients = try await services.clients.therapists(of: client.id)
        if recipients.isEmpty { recipients = try await services.accounts.therapists() }
        recipients += try await services.accounts.staff().filter { $0.role == .owner }
        let link = "\(services.settings.publicURL)/clients/\(client.id)"
        let body = """
            A client's intake at \(clinicName) was flagged \(urgency == .emergency ? "for emergency care" : "for a same-day physician visit").
            Online booking is paused for them until a therapist records that they were cleared.

            Sign in to see it and record what was done: \(link)
            """
        return Dictionary(recipients.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.email < $1.email }.map {
            QueuedMail(to: $0.email, subject: "Intake needs attention today", body: body)
        }
    }

    /// The clinic's intake form: the questionnaire definitions with the screens the owner chose.
    public func form() async throws -> IntakeForm {
        IntakeForm(definitions: try await services.questionnaires.loaded(), screens: try await services.clinic.intakeScreens())
    }

    /// The repeat questionnaires (disability scores) the clinic asks clients to fill again between visits.
    public func repeatQuestionnaires() async throws -> [Instrument] {
        try await services.clinic.intakeScreens().filter { $0 == .rmdq || $0 == .odi }
    }

    /// Why this client may not book online right now, if they may not: an urgent or emergency triage not yet cleared.
    public func bookingBlock(clientId: String) async throws -> TriageAdvice? {
        guard let latest = try await services.intake.latestSubmitted(clientId: clientId), let urgency = latest.urgency else { return nil }
        let advice = TriageAdvice(urgency: urgency, tell: try await form().tellList(latest.answers),
                                  cleared: try await services.intake.isCleared(intakeId: latest.id))
        return advice.bookingBlocked ? advice : nil
    }
}
