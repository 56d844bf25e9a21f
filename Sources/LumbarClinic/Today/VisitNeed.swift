import LumbarCore

/// Something a visit today still needs, for the day's list: worked out from the client's intakes, consents, plan and
/// notes, by a pure rule so each need shows exactly when its condition holds.
public enum VisitNeed: Sendable, Hashable {
    /// The client has never started an intake.
    case noIntake
    /// The newest intake is started but not sent.
    case intakeUnfinished
    /// The latest intake's assessment changes the treatment (a precaution such as pregnancy) or defers it until a
    /// physician has seen the client (not yet cleared, and not already said by an urgent triage): the chart says how.
    case treatment(TreatmentDecision)
    /// The latest intake was triaged urgent or emergency and no physician's clearance is recorded.
    case triage(Urgency)
    /// A written consent the visit rests on is missing: treatment for the episode (and again after a plan change),
    /// gluteal for a plan that treats that area, upper inner thigh for this visit.
    case consent(ConsentKind)
    /// The plan's reassessment date has come, or its planned visits are used up.
    case reassessment(dueOn: LocalDate?, visitsDone: Int?)
    /// Notes by this therapist for this client still unsigned, from visits other than this one.
    case unsignedNotes(Int)

    /// Whether the need tells something of the client's health; the front desk sees only the others.
    public var isClinical: Bool {
        switch self {
        case .noIntake, .intakeUnfinished: return false
        case .triage, .treatment, .consent, .reassessment, .unsignedNotes: return true
        }
    }

    /// What a client's intakes, consents, plan and notes leave to do for `appointment` on `today`, most serious first.
    /// `intakes` newest first; `plan` the current version; `cleared` whether the latest sent intake was cleared.
    public static func needs(appointment: Appointment, therapistId: String, intakes: [Intake], cleared: Bool, consents: [Consent],
                             plan: TreatmentPlan?, notes: [VisitNote], today: LocalDate) -> [VisitNeed] {
        var needs: [VisitNeed] = []
        let episode = intakes.filter(\.isSubmitted).max { ($0.submittedAt!, $0.id) < ($1.submittedAt!, $1.id) }
        if let episode, let urgency = episode.urgency, urgency >= .urgent, !cleared { needs.append(.triage(urgency)) }
        // A deferral an urgent triage already stands for is not said twice.
        let triaged = needs.contains { if case .triage = $0 { true } else { false } }
        if let decision = episode?.decision, decision == .modify || (decision == .deferTreatment && !cleared && !triaged) {
            needs.append(.treatment(decision))
        }
        if intakes.isEmpty {
            needs.append(.noIntake)
        } else if let newest = intakes.max(by: { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }), !newest.isSubmitted {
            needs.append(.intakeUnfinished)
        }
        needs += missingConsents(episode: episode, consents: consents, plan: plan, appointmentId: appointment.id).map(VisitNeed.consent)
        if let plan {
            let done = visitsDone(plan, notes)
            let dateCame = plan.reassessOn <= today, visitsUsed = done >= plan.visits
            if dateCame || visitsUsed { needs.append(.reassessment(dueOn: dateCame ? plan.reassessOn : nil, visitsDone: visitsUsed ? done : nil)) }
        }
        let unsigned = notes.filter { $0.status == .draft && $0.authorId == therapistId && $0.appointmentId != appointment.id }.count
        if unsigned > 0 { needs.append(.unsignedNotes(unsigned)) }
        return needs
    }

    /// The written consents treatment rests on that are missing for the episode `episode` (the latest sent intake)
    /// and, for consents given per visit, the visit `appointmentId`: treatment (again after a plan change), gluteal for
    /// a plan that treats that area, upper inner thigh for this visit. The chart's header shows the same list.
    public static func missingConsents(episode: Intake?, consents: [Consent], plan: TreatmentPlan?, appointmentId: String?) -> [ConsentKind] {
        guard let episode else { return [] }
        let status = ConsentStatus(consents, intakeId: episode.id, appointmentId: appointmentId)
        // A changed plan asks for consent again: only a consent given since this version counts (as the plan page says).
        func current(_ kind: ConsentKind) -> Bool {
            guard case .given(let consent)? = status.states[kind] else { return false }
            guard kind.scope == .episode, let plan, plan.version > 1 else { return true }
            return consent.at >= plan.createdAt
        }
        var missing: [ConsentKind] = []
        if !current(.treatment) { missing.append(.treatment) }
        let sensitive = plan?.sensitiveAreas ?? []
        for kind in [ConsentKind.gluteal, .innerThigh] where sensitive.contains(kind) && !current(kind) { missing.append(kind) }
        return missing
    }

    /// The visits signed under `plan` so far: original notes (not amendments) signed since the version was made.
    public static func visitsDone(_ plan: TreatmentPlan, _ notes: [VisitNote]) -> Int {
        notes.filter { $0.status == .signed && $0.amends == nil && ($0.signedAt ?? $0.createdAt) >= plan.createdAt }.count
    }
}
