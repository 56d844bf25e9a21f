import LumbarClinic
import LumbarCore

extension VisitNoteService {
    /// The visit-note use case on the application's services.
    init(services: AppServices) {
        self.init(services: services.clinicServices, notes: services.visitNotes, consents: services.consents)
    }

    /// A new draft by `author` for today's visit, if there is one, with the last week of the home-program diary in
    /// words: what the page's "Start a visit note" and the API's start both do.
    static func startToday(_ services: AppServices, clientId: String, author: Account) async throws -> VisitNote {
        let visit = try await IntakePanel.todaysVisit(services, clientId: clientId)
        let diary = try await services.homePrograms.current(clientId: clientId) == nil ? ""
            : try await HomeProgramService(services: services).adherence(clientId: clientId, days: 7).summary
        return try await VisitNoteService(services: services).start(clientId: clientId, appointmentId: visit?.id, author: author, diary: diary)
    }
}
