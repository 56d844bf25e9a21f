import LumbarCore
import LumbarZones

/// Works out a client's `ChartSummary` from their intakes, consents, plan, notes, appointments and payments: the one
/// place the chart's header and the JSON API get these facts from.
public struct ChartSummaryService: Sendable {
    let services: ClinicServices
    let visitNotes: any VisitNoteRepository
    let consents: any ConsentRepository
    let plans: any TreatmentPlanRepository
    let billing: any BillingRepository

    public init(services: ClinicServices, visitNotes: any VisitNoteRepository, consents: any ConsentRepository,
                plans: any TreatmentPlanRepository, billing: any BillingRepository) {
        self.services = services
        self.visitNotes = visitNotes
        self.consents = consents
        self.plans = plans
        self.billing = billing
    }

    /// The summary for a viewer who sees clinical records (`clinical`) or only the front desk's part: whether an intake
    /// is sent, the next appointment and the balance. `notes`: the client's visit notes, oldest first, when the caller
    /// has read them already (the chart lists them too); outlines (`VisitNoteRepository.outlines`) are enough.
    public func summary(clientId: String, clinical: Bool, notes read: [VisitNote]? = nil) async throws -> ChartSummary {
        let now = services.now
        let zone = FoundationZone(identifier: try await services.clinic.profile()?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        let today = zone.local(now).date
        let intakes = try await services.intake.list(clientId: clientId)
        let episode = intakes.filter(\.isSubmitted).max { ($0.submittedAt!, $0.id) < ($1.submittedAt!, $1.id) }
        let intake: ChartSummary.IntakeState = episode != nil ? .sent : intakes.isEmpty ? .none : .inProgress

        // Every visit from the first on: what is owed reaches back as far as the client's first charged visit.
        let appointments = try await services.appointments.list(window: TimeRange(start: Instant(milliseconds: 0), end: now.adding(seconds: 400 * 86_400)),
                                                                clientId: clientId, activeOnly: false)
        // A visit under way counts as the next one until it ends: the client is in the room.
        let next = appointments.filter { ($0.status == .booked || $0.status == .arrived) && $0.end > now }
            .min { ($0.start, $0.id) < ($1.start, $1.id) }
        let (owed, credit) = try await money(clientId: clientId, appointments)
        guard clinical else {
            return ChartSummary(intake: intake, triage: nil, missingConsents: [], plan: nil, pain: nil, signedVisits: 0, unsignedNotes: 0,
                                nextAppointment: next, owedCents: owed, creditCents: credit)
        }

        var triage: ChartSummary.Triage?
        if let episode {
            triage = .init(intakeId: episode.id, urgency: episode.urgency ?? .none, decision: episode.decision,
                           cleared: try await services.intake.isCleared(intakeId: episode.id))
        }
        var notes = read ?? []
        if read == nil { notes = try await visitNotes.outlines(clientId: clientId) }
        let plan = try await plans.versions(clientId: clientId).first
        let todays = appointments.first { $0.status.holdsTime && $0.status != .noShow && zone.local($0.start).date == today }
        let given = try await consents.list(clientId: clientId)
        let missing = VisitNeed.missingConsents(episode: episode, consents: given, plan: plan, appointmentId: todays?.id)
        let gluteal = episode.map { ConsentStatus(given, intakeId: $0.id, appointmentId: todays?.id).isGiven(.gluteal) } ?? false
        var progress: ChartSummary.PlanProgress?
        if let plan {
            let done = VisitNeed.visitsDone(plan, notes)
            progress = .init(version: plan.version, visitsDone: done, visitsPlanned: plan.visits, reassessOn: plan.reassessOn,
                             reassessmentDue: plan.reassessOn <= today || done >= plan.visits, goals: plan.goals.filter { !$0.trimmed.isEmpty },
                             frequency: plan.frequency)
        }
        let originals = notes.filter { $0.status == .signed && $0.amends == nil }
        return ChartSummary(intake: intake, triage: triage, missingConsents: missing, plan: progress, pain: Self.pain(notes), signedVisits: originals.count,
                            unsignedNotes: notes.filter { $0.status == .draft }.count, nextAppointment: next, owedCents: owed, creditCents: credit,
                            glutealGiven: gluteal)
    }

    /// The latest signed visit's pain rating and the one before it; a signed amendment's rating replaces its visit's.
    public static func pain(_ notes: [VisitNote]) -> ChartSummary.Pain? {
        var corrected: [String: Int] = [:]
        for note in notes where note.status == .signed {
            if let original = note.amends, let pain = note.painNow { corrected[original] = pain }
        }
        let rated = notes.compactMap { note -> (Int, Instant)? in
            guard note.status == .signed, note.amends == nil, let pain = corrected[note.id] ?? note.painNow else { return nil }
            return (pain, note.createdAt)
        }
        guard let last = rated.last else { return nil }
        return ChartSummary.Pain(score: last.0, at: last.1, previous: rated.count > 1 ? rated[rated.count - 2].0 : nil)
    }

    /// What is charged and not yet paid over `appointments` and the client's other invoices, and their credit on account.
    private func money(clientId: String, _ appointments: [Appointment]) async throws -> (owed: Int, credit: Int) {
        let prices = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let ledger = try await billing.ledger(clientId: clientId)
        let invoiced = ledger.entries.filter { !$0.isVoid && $0.invoice.appointmentId == nil }.map(\.owedCents).reduce(0, +)
        let owed = appointments.reduce(invoiced) { total, appointment in
            guard let service = prices[appointment.serviceId] else { return total }
            return total + ledger.owedCents(for: appointment, charge: Billing.charge(appointment, service: service))
        }
        return (owed, ledger.creditCents)
    }
}
