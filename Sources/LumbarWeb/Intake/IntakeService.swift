import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The intake's server side: which form this clinic asks, who may fill a given intake, submission with triage,
/// and whether a client may book online.
struct IntakeService: Sendable {
    let services: AppServices
    static let kioskCookie = "lumbar_kiosk"

    var intakes: any IntakeRepository { services.intake }
    var questionnaires: any QuestionnaireRepository { services.questionnaires }
    var consents: any ConsentRepository { services.consents }

    var rules: IntakeRules { IntakeRules(services: services.clinicServices) }

    func form() async throws -> IntakeForm { try await rules.form() }

    /// Today in the clinic's own time zone.
    func today() async throws -> LocalDate { try await rules.today() }

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
        try await rules.startDraft(for: client, startedBy: startedBy)
    }

    /// Runs the engine on a complete intake and stores it with its triage; alerts the clinic for urgent and emergency.
    func submit(_ filler: Filler, _ context: AppRequestContext) async throws -> Urgency {
        do {
            return try await rules.submit(filler.intake, client: filler.client, by: filler.account, viaKiosk: filler.isKiosk, address: context.address)
        } catch IntakeRules.Failure.incomplete {
            throw PageError.badForm("Some answers still need attention.")
        }
    }

    /// Why this client may not book online right now, if they may not.
    func bookingBlock(clientId: String) async throws -> TriageAdvice? { try await rules.bookingBlock(clientId: clientId) }
}
