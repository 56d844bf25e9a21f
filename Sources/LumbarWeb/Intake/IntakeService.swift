import Foundation
import Hummingbird
import LumbarCore
import LumbarStorage
import LumbarZones

/// The intake's server side: which form this clinic asks, who may fill a given intake, submission with triage,
/// and whether a client may book online.
struct IntakeService: Sendable {
    let services: AppServices
    static let kioskCookie = "lumbar_kiosk"

    var intakes: IntakeRepository { IntakeRepository(database: services.database) }
    var questionnaires: QuestionnaireRepository { QuestionnaireRepository(database: services.database) }
    var consents: ConsentRepository { ConsentRepository(database: services.database) }

    func form() async throws -> IntakeForm {
        IntakeForm(definitions: try await questionnaires.loaded(), screens: try await services.clinic.intakeScreens())
    }

    /// Today in the clinic's own time zone.
    func today() async throws -> LocalDate {
        let zone = try await services.clinicTime().rules
        return zone.local(services.now).date
    }

    /// Who is filling an intake: the client signed in to their own account, or a client at the front-desk tablet.
    struct Filler: Sendable {
        let account: Account?
        let client: Client
        let intake: Intake
        let kioskHash: String?
        var isKiosk: Bool { kioskHash != nil }
        var base: String { "/intake/\(intake.id)" }
    }

    /// The intake in the path, if this visitor may fill it; 404 otherwise (existence is not revealed).
    func filler(_ request: Request, _ context: AppRequestContext) async throws -> Filler {
        let id = try context.parameters.require("id")
        guard let intake = try await intakes.find(id: id), let client = try await services.clients.find(id: intake.clientId) else { throw PageError.notFound }
        if let token = request.cookies[Self.kioskCookie]?.value, !token.isEmpty {
            let hash = Secrets.hash(token)
            if try await intakes.kioskIntake(tokenHash: hash, at: services.now) == intake.id {
                return Filler(account: nil, client: client, intake: intake, kioskHash: hash)
            }
        }
        let account = try context.signedIn()
        guard account.role == .client, client.accountId == account.id else { throw PageError.notFound }
        return Filler(account: account, client: client, intake: intake, kioskHash: nil)
    }

    func audit(_ filler: Filler, _ context: AppRequestContext, _ action: AuditEntry.Action, _ info: AuditEntry.InfoType, detail: String) async throws {
        try await services.audit(filler.account, context, action, info, client: filler.client.id,
                                 detail: filler.isKiosk ? "\(detail) (front-desk tablet)" : detail)
    }

    /// A new draft, pre-filled with the client's contact details and their latest health history to review.
    func startDraft(for client: Client, startedBy: String?) async throws -> Intake {
        var answers = IntakeAnswers([
            "firstName": [client.firstName], "lastName": [client.lastName], "phone": [client.phone],
            "dateOfBirth": [client.dateOfBirth?.description ?? ""],
        ])
        let contact = EmergencyContact(stored: client.emergencyContact)
        answers.set("emergencyName", [contact.name])
        answers.set("emergencyPhone", [contact.phone])
        if let latest = try await intakes.histories(clientId: client.id).first {
            answers.merge(latest.answers, replacing: IntakeForm.historyIds)
        }
        return try await intakes.createDraft(clientId: client.id, answers: answers, startedBy: startedBy, at: services.now)
    }

    /// Runs the engine on a complete intake and stores it with its triage; alerts the clinic for urgent and emergency.
    func submit(_ filler: Filler, _ context: AppRequestContext) async throws -> Urgency {
        let form = try await form()
        let today = try await today()
        guard let input = form.assessmentInput(filler.intake.answers, assessedOn: today) else { throw PageError.badForm("Some answers still need attention.") }
        let profile = try await services.clinic.profile()
        let assessment = AssessmentEngine(settings: profile?.engineSettings ?? EngineSettings()).assess(input)
        let answers = filler.intake.answers
        let contact = Client(id: filler.client.id, accountId: filler.client.accountId, firstName: answers["firstName"].trimmed, lastName: answers["lastName"].trimmed,
                             email: filler.client.email, phone: PhoneNumber.normalised(answers["phone"]), dateOfBirth: LocalDate(iso: answers["dateOfBirth"]),
                             emergencyContact: EmergencyContact(name: answers["emergencyName"], phone: answers["emergencyPhone"]).stored)
        let submission = IntakeRepository.Submission(
            inputJSON: input.json, resultJSON: assessment.json, urgency: assessment.urgency, decision: assessment.decision,
            history: IntakeForm.history(answers),
            responses: form.responses(answers, clientId: filler.client.id, intakeId: filler.intake.id, at: services.now),
            alerts: try await alerts(for: filler.client, urgency: assessment.urgency, clinicName: profile?.name ?? "the clinic"),
            audit: AuditEntry(at: services.now, actorId: filler.account?.id, actorRole: filler.account?.role, clientId: filler.client.id,
                              infoType: .intake, action: .create, address: context.address,
                              detail: "intake submitted, triage \(assessment.urgency.rawValue)" + (filler.isKiosk ? " (front-desk tablet)" : "")),
            recordedBy: filler.account?.id, contact: contact)
        do {
            try await intakes.submit(filler.intake, submission, at: services.now)
        } catch StorageError.conflict {
            return filler.intake.urgency ?? assessment.urgency
        }
        return assessment.urgency
    }

    /// Emails that tell the owner and the client's therapists to look, without any health detail in the email itself.
    private func alerts(for client: Client, urgency: Urgency, clinicName: String) async throws -> [QueuedMail] {
        guard urgency >= .urgent else { return [] }
        var recipients = try await services.clients.therapists(of: client.id)
        if recipients.isEmpty { recipients = try await services.accounts.therapists() }
        recipients += try await services.accounts.staff().filter { $0.role == .owner }
        let link = "\(services.configuration.publicURL)/clients/\(client.id)"
        let body = """
            A client's intake at \(clinicName) was flagged \(urgency == .emergency ? "for emergency care" : "for a same-day physician visit").
            Online booking is paused for them until a therapist records that they were cleared.

            Sign in to see it and record what was done: \(link)
            """
        return Dictionary(recipients.map { ($0.email, $0) }, uniquingKeysWith: { a, _ in a }).values.sorted { $0.email < $1.email }.map {
            QueuedMail(to: $0.email, subject: "Intake needs attention today", body: body)
        }
    }

    /// Why this client may not book online right now, if they may not.
    func bookingBlock(clientId: String) async throws -> TriageAdvice? {
        guard let latest = try await intakes.latestSubmitted(clientId: clientId), let urgency = latest.urgency else { return nil }
        let advice = TriageAdvice(urgency: urgency, tell: try await form().tellList(latest.answers), cleared: try await intakes.isCleared(intakeId: latest.id))
        return advice.bookingBlocked ? advice : nil
    }
}
