import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones
import Mustache

/// The one-page printable handout: every item with its picture, dose and steps, the heat-and-cold timing and the
/// therapist's note, laid out to print in black and white.
struct HandoutPage: Sendable {
    let chrome: Chrome
    let client: Client
    let clinicName: String
    let therapist: String
    let version: Int
    let date: String
    let cards: [ProgramCard]
    /// More than six items: three across; more than nine: four across, so the handout stays one page.
    let dense: Bool
    let crowded: Bool
    let thermal: String?
    let note: String?

    static func render(_ services: AppServices, client: Client, program: HomeProgram, context: AppRequestContext) async throws -> Response {
        let service = HomeProgramService(services: services)
        let profile = try await services.clinic.profile()
        let zone = try await service.zone()
        let cards = ProgramCard.cards(program)
        let page = HandoutPage(
            chrome: context.chrome("Home program"), client: client, clinicName: profile?.name ?? "",
            therapist: try await services.accounts.find(id: program.createdBy)?.name ?? "", version: program.version,
            date: zone.local(program.createdAt).date.spoken, cards: cards, dense: cards.count > 6, crowded: cards.count > 9, thermal: try await service.thermal(program), note: program.note.nilIfEmpty)
        return services.views.page("program_handout", page)
    }
}

extension HandoutPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "clinicName": clinicName
        case "therapist": therapist
        case "version": version
        case "date": date
        case "cards": cards
        case "dense": dense
        case "crowded": crowded
        case "thermal": thermal
        case "note": note
        default: nil
        }
    }
}
