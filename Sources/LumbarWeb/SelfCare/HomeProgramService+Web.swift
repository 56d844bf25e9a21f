import LumbarClinic

extension HomeProgramService {
    /// The home-program use case on the application's services.
    init(services: AppServices) {
        self.init(services: services.clinicServices, programs: services.homePrograms)
    }
}
