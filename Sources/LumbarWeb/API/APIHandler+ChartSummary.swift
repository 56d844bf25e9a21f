import LumbarClinic
import LumbarCore

/// The chart's header over the API: the same facts (ChartSummaryService) and the same rule as the page, clinical
/// parts only for those who see the client's clinical record.
extension APIHandler {
    func getChartSummary(_ input: Operations.GetChartSummary.Input) async throws -> Operations.GetChartSummary.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        let clinical = access.seesClinical
        let summary = try await ChartSummaryService(services: services).summary(clientId: access.client.id, clinical: clinical)
        try await audit(caller, .view, clinical ? .clinical : .contact, client: access.client.id, detail: "API chart summary")
        let rfc = RFC3339(zone: try await services.clinic.profile()?.timeZone ?? "UTC")
        let intake: Components.Schemas.ChartSummary.IntakePayload = switch summary.intake {
        case .none: .none
        case .inProgress: .inProgress
        case .sent: .sent
        }
        return .ok(.init(body: .json(.init(
            clinical: clinical, intake: intake,
            triage: summary.triage.map { .init(urgency: .init(rawValue: $0.urgency.rawValue)!, decision: $0.decision.flatMap { .init(rawValue: $0.rawValue) },
                                               cleared: $0.cleared) },
            missingConsents: summary.missingConsents.compactMap { .init(rawValue: $0.rawValue) },
            plan: summary.plan.map { .init(version: $0.version, visitsDone: $0.visitsDone, visitsPlanned: $0.visitsPlanned, reassessOn: $0.reassessOn.description,
                                           reassessmentDue: $0.reassessmentDue) },
            pain: summary.pain.map { .init(score: $0.score, at: Self.date($0.at), previous: $0.previous, trend: $0.trend.flatMap { .init(rawValue: $0.rawValue) }) },
            signedVisits: summary.signedVisits, unsignedNotes: summary.unsignedNotes,
            nextAppointment: summary.nextAppointment.map { Self.appointment($0, rfc) }, owedCents: summary.owedCents))))
    }
}
