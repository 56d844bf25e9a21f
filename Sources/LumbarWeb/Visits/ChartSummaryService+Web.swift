import LumbarClinic

extension ChartSummaryService {
    /// The chart summary's use case on the application's services.
    init(services: AppServices) {
        self.init(services: services.clinicServices, visitNotes: services.visitNotes, consents: services.consents,
                  plans: services.treatmentPlans, billing: services.billing)
    }
}
