/// When to suggest a referral (clinical reference §2, the seed's "pain lasting more than a few weeks"): no
/// meaningful improvement in pain after 4 weeks or 4 visits of care, or a new red flag at a visit at once.
public struct ProgressReview: Sendable, Equatable {
    public let prompt: String?
    public let urgency: Urgency

    /// `pain`: the NPRS series from the intake on; `visits`: signed visits; `careStarted`: the first day of care;
    /// `intakeUrgency` and `latestUrgency`: the engine's urgency at intake and at the latest signed visit.
    public init(pain: OutcomeSeries, visits: Int, careStarted: LocalDate?, today: LocalDate, intakeUrgency: Urgency, latestUrgency: Urgency?,
                cleared: Bool = false) {
        if let latestUrgency, latestUrgency > intakeUrgency || (latestUrgency >= .urgent && !cleared) {
            urgency = latestUrgency
            prompt = "The latest visit raised the referral urgency to \(latestUrgency.rawValue): refer now, as the assessment says."
            return
        }
        let weeks = careStarted.map { $0.days(until: today) / 7 } ?? 0
        if (weeks >= 4 || visits >= 4) && pain.points.count > 1 && !pain.meaningfullyImproved {
            urgency = .routine
            prompt = "No meaningful improvement in pain after \(visits) visit\(visits == 1 ? "" : "s") over \(weeks) week\(weeks == 1 ? "" : "s"): consider referring to a physician."
            return
        }
        urgency = .none
        prompt = nil
    }
}
