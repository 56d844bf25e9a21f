import LumbarCore
import LumbarZones

/// The day at the clinic: a therapist's visits in order with what each still needs, and the front desk's arrivals,
/// money owed and tomorrow's unconfirmed visits. Days are the clinic's own, in its time zone.
public struct TodayService: Sendable {
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

    /// The clinic's zone and today in it.
    public func today() async throws -> (zone: FoundationZone, date: LocalDate) {
        let zone = FoundationZone(identifier: try await services.clinic.profile()?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        return (zone, zone.local(services.now).date)
    }

    /// The therapist's visits on `day` (today when nil) that hold their time, in time order, each with its needs.
    public func therapistDay(therapistId: String, on day: LocalDate? = nil) async throws -> [TodayVisit] {
        let (zone, today) = try await today()
        let date = day ?? today
        let appointments = try await services.appointments.list(window: Self.window(date, zone), therapistId: therapistId)
        var visits: [TodayVisit] = []
        for appointment in Self.starting(on: date, zone, appointments) {
            guard let client = try await services.clients.find(id: appointment.clientId) else { continue }
            let intakes = try await services.intake.list(clientId: client.id)
            let latest = intakes.filter(\.isSubmitted).max { ($0.submittedAt!, $0.id) < ($1.submittedAt!, $1.id) }
            var cleared = false
            if let latest { cleared = try await services.intake.isCleared(intakeId: latest.id) }
            let plan = try await plans.versions(clientId: client.id).first
            let notes = try await visitNotes.list(clientId: client.id)
            let needs = VisitNeed.needs(appointment: appointment, therapistId: therapistId, intakes: intakes, cleared: cleared,
                                        consents: try await consents.list(clientId: client.id), plan: plan, notes: notes, today: date)
            let own = notes.filter { $0.appointmentId == appointment.id && $0.authorId == therapistId && $0.amends == nil }
            let note: TodayVisit.Note = own.last { $0.status == .signed }.map { .signed(id: $0.id) }
                ?? own.last { $0.status == .draft }.map { .draft(id: $0.id) } ?? .notStarted
            var planVisit: Int?
            if let plan {
                let done = VisitNeed.visitsDone(plan, notes)
                if case .signed = note { planVisit = done } else { planVisit = done + 1 }
            }
            visits.append(TodayVisit(appointment: appointment, client: client,
                                     serviceName: try await services.scheduling.service(id: appointment.serviceId)?.name ?? "",
                                     needs: needs, note: note, planVisit: planVisit, plannedVisits: plan?.visits))
        }
        return visits
    }

    /// The front desk's `day` (today when nil): arrivals, what is owed, and the next day's unconfirmed visits.
    public func frontDesk(on day: LocalDate? = nil) async throws -> FrontDeskDay {
        let (zone, today) = try await today()
        let date = day ?? today
        let all = Self.starting(on: date, zone, try await services.appointments.list(window: Self.window(date, zone), activeOnly: false))
        var names: [String: String] = [:]
        for therapist in try await services.accounts.staff() { names[therapist.id] = therapist.name }
        var serviceCache: [String: BookableService] = [:]
        var clientCache: [String: Client] = [:]
        func visit(_ appointment: Appointment) async throws -> FrontDeskDay.Visit? {
            guard let client = try await client(appointment.clientId, &clientCache) else { return nil }
            let needs = VisitNeed.needs(appointment: appointment, therapistId: appointment.therapistId,
                                        intakes: try await services.intake.list(clientId: client.id), cleared: true, consents: [],
                                        plan: nil, notes: [], today: date).filter { !$0.isClinical }
            return .init(appointment: appointment, client: client, therapistName: names[appointment.therapistId] ?? "",
                         serviceName: try await service(appointment.serviceId, &serviceCache)?.name ?? "", needs: needs)
        }
        var arrivals: [FrontDeskDay.Visit] = []
        var owing: [FrontDeskDay.Owing] = []
        for appointment in all {
            if appointment.status.holdsTime, let arrival = try await visit(appointment) { arrivals.append(arrival) }
            guard let service = try await service(appointment.serviceId, &serviceCache), let charge = Billing.charge(appointment, service: service),
                  let client = try await client(appointment.clientId, &clientCache) else { continue }
            let owed = try await billing.ledger(clientId: client.id).owedCents(for: appointment, charge: charge)
            if owed > 0 { owing.append(.init(appointment: appointment, client: client, description: charge.description, owedCents: owed)) }
        }
        let next = date.adding(days: 1)
        var unconfirmed: [FrontDeskDay.Visit] = []
        for appointment in Self.starting(on: next, zone, try await services.appointments.list(window: Self.window(next, zone)))
        where appointment.status == .booked && appointment.confirmedAt == nil {
            if let visit = try await visit(appointment) { unconfirmed.append(visit) }
        }
        return FrontDeskDay(day: date, arrivals: arrivals, owing: owing, unconfirmed: unconfirmed)
    }

    /// Records that the client confirmed `appointment`, with the audit row.
    public func confirm(_ appointment: Appointment, audit: AuditEntry) async throws {
        try await services.appointments.confirm(id: appointment.id, audit: audit, at: services.now)
    }

    private func client(_ id: String, _ cache: inout [String: Client]) async throws -> Client? {
        if let known = cache[id] { return known }
        let found = try await services.clients.find(id: id)
        cache[id] = found
        return found
    }

    private func service(_ id: String, _ cache: inout [String: BookableService]) async throws -> BookableService? {
        if let known = cache[id] { return known }
        let found = try await services.scheduling.service(id: id)
        cache[id] = found
        return found
    }

    /// The instants of the clinic's `day`: from its first moment (midnight, or just after a clock change that skips it)
    /// to the next day's.
    static func window(_ day: LocalDate, _ zone: FoundationZone) -> TimeRange {
        TimeRange(start: startOf(day, zone), end: startOf(day.adding(days: 1), zone))
    }

    static func startOf(_ day: LocalDate, _ zone: FoundationZone) -> Instant {
        (0...16).lazy.compactMap { zone.instant(LocalDateTime(day, WallTime(minutes: $0 * 15)!)) }.first
            ?? Instant(milliseconds: Int64(day.daysSinceEpoch) * 86_400_000)
    }

    /// The appointments that start on `day` (a list by overlap also holds the evening before's late visit), by start.
    static func starting(on day: LocalDate, _ zone: FoundationZone, _ appointments: [Appointment]) -> [Appointment] {
        appointments.filter { zone.local($0.start).date == day }.sorted { ($0.start, $0.id) < ($1.start, $1.id) }
    }
}
