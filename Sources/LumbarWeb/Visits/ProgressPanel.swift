import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Outcomes on the chart: pain and function over time, and the referral prompt when care is not helping or a
/// visit raised a red flag.
struct ProgressPanel: Sendable {
    let pain: OutcomeSeries
    let function: OutcomeSeries
    /// Disability (RMDQ, ODI) where the clinic uses them; empty series otherwise.
    let disability: [OutcomeSeries]
    let disabilityCharts: [String]
    let prompt: String?
    let urgency: String
    let visits: Int
    let hasData: Bool

    /// `notes`, when the caller has read the client's visit notes already (the record page lists them too).
    static func make(_ services: AppServices, clientId: String, notes read: [VisitNote]? = nil) async throws -> ProgressPanel {
        let zone = try await services.clinicTime().rules
        let responses = try await services.questionnaires.responses(clientId: clientId)
        func series(_ instrument: Instrument) -> OutcomeSeries {
            OutcomeSeries(instrument, responses.filter { $0.instrument == instrument }.map { .init(day: zone.local($0.at).date, score: $0.score) })
        }
        let intakes = services.intake
        let intake = try await intakes.latestSubmitted(clientId: clientId)
        var notes = read ?? []
        if read == nil { notes = try await services.visitNotes.list(clientId: clientId) }
        notes = notes.filter { $0.status == .signed }
        let visits = notes.filter { $0.amends == nil }
        let review = ProgressReview(
            pain: series(.nprs), visits: visits.count, careStarted: intake?.submittedAt.map { zone.local($0).date },
            today: zone.local(services.now).date, intakeUrgency: intake?.urgency ?? .none, latestUrgency: notes.last?.urgency,
            cleared: try await intake.asyncMap { try await intakes.isCleared(intakeId: $0.id) } ?? false)
        let disability = [series(.rmdq), series(.odi)].filter { !$0.points.isEmpty }
        return ProgressPanel(pain: series(.nprs), function: series(.psfs), disability: disability,
                             disabilityCharts: disability.map { "\($0.instrument.rawValue).svg" }, prompt: review.prompt, urgency: review.urgency.rawValue,
                             visits: visits.count, hasData: !responses.isEmpty)
    }
}
