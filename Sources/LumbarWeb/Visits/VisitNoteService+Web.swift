import LumbarClinic

extension VisitNoteService {
    /// The visit-note use case on the application's services.
    init(services: AppServices) {
        self.init(services: services.clinicServices, notes: services.visitNotes, consents: services.consents)
    }
}
