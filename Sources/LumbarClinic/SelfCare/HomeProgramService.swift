import LumbarCore
import LumbarZones

/// The home program's rules: the therapist's starting point from the engine, the 48-hour heat-and-cold advice, the
/// diary's adherence, and the daily reminders.
public struct HomeProgramService: Sendable {
    let services: ClinicServices
    let programs: any HomeProgramRepository

    public init(services: ClinicServices, programs: any HomeProgramRepository) {
        self.services = services
        self.programs = programs
    }

    /// The clinic's time zone, in which diary days and reminder times are counted.
    public func zone() async throws -> FoundationZone {
        FoundationZone(identifier: try await services.clinic.profile()?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
    }

    /// The engine's self-care suggestions for the client's latest intake, at starting variants; with the phase.
    public func suggestions(clientId: String) async throws -> (items: [HomeProgram.Item], phase: Phase?, intakeId: String?) {
        guard let intake = try await services.intake.latestSubmitted(clientId: clientId),
              let json = intake.inputJSON, case .success(let input) = AssessmentInputDecoder.decode(Array(json.utf8)) else { return ([], nil, nil) }
        let assessment = AssessmentEngine(settings: try await services.clinic.profile()?.engineSettings ?? EngineSettings()).assess(input)
        return (HomeProgramRules.suggestions(assessment, painNow: input.painNow), assessment.phase, intake.id)
    }

    /// The 48-hour advice in real dates, when the injury time is known and the program uses cold or heat.
    public func thermal(_ program: HomeProgram) async throws -> String? {
        guard let injuredAt = program.injuredAt,
              program.items.contains(where: { $0.exercise?.code == .coldPack || $0.exercise?.code == .heat }) else { return nil }
        return ThermalPlan(injuredAt: injuredAt, now: services.now, zone: try await zone()).advice
    }

    /// The last two weeks of the diary, for charts and the summary.
    public func adherence(clientId: String, days: Int = 14) async throws -> Adherence {
        let today = try await zone().local(services.now).date
        let logs = try await programs.logs(clientId: clientId, from: today.adding(days: -(days - 1)))
        return Adherence(logs, through: today, days: days)
    }

    /// Queues each client's daily reminder once their chosen time has passed today (clinic time zone).
    @discardableResult
    public func queueReminders() async throws -> Int {
        let local = try await zone().local(services.now)
        let clinicName = try await services.clinic.profile()?.name ?? "your clinic"
        let publicURL = services.settings.publicURL
        let clients = services.clients
        return try await programs.queueDueReminders(today: local.date, minuteNow: local.time.minutes, at: services.now) { reminder in
            guard let client = try await clients.find(id: reminder.clientId), EmailAddress.isPlausible(client.email) else { return nil }
            return QueuedMail(to: client.email, subject: "Time for your home program",
                              body: "Hello \(client.firstName),\n\nThis is your daily reminder from \(clinicName). Your program and today's log are here:\n\(publicURL)/me/program\n\nYou can change or turn off this reminder on that page.")
        }
    }
}
