import LumbarClinic

extension BookingService {
    /// The booking use case on the application's services, as pages and the API call it.
    init(services: AppServices, holder: String? = nil) {
        self.init(services: services.clinicServices, holder: holder)
    }
}
