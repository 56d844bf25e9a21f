import LumbarClinic

extension NoteTemplateService {
    /// The note-template use case on the application's services.
    init(services: AppServices) {
        self.init(templates: services.noteTemplates, clock: services.clinicServices.clock)
    }
}
