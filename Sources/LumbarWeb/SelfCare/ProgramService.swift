import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones
import Mustache

/// The home program's server side: the therapist's starting point from the engine, the views both sides see,
/// the diary, and the daily reminders.
struct ProgramService: Sendable {
    let services: AppServices
    var programs: HomeProgramRepository { services.homePrograms }

    func zone() async throws -> FoundationZone {
        try await services.clinicTime().rules
    }

    /// The engine's self-care suggestions for the client's latest intake, at starting variants; with the phase.
    func suggestions(clientId: String) async throws -> (items: [HomeProgram.Item], phase: Phase?, intakeId: String?) {
        guard let intake = try await services.intake.latestSubmitted(clientId: clientId),
              let json = intake.inputJSON, case .success(let input) = AssessmentInputDecoder.decode(Array(json.utf8)) else { return ([], nil, nil) }
        let assessment = AssessmentEngine(settings: try await services.engineSettings()).assess(input)
        return (HomeProgramRules.suggestions(assessment, painNow: input.painNow), assessment.phase, intake.id)
    }

    /// One program item as the pages draw it.
    struct Card: Sendable {
        let number: Int
        let id: String
        let name: String
        let dose: String
        let steps: [String]
        let feel: String
        let stop: String
        let note: String?
        let picture: String
        let alt: String
    }

    static func cards(_ program: HomeProgram) -> [Card] {
        program.items.enumerated().compactMap { index, item in
            guard let exercise = item.exercise else { return nil }
            return Card(number: index + 1, id: exercise.id, name: exercise.name, dose: item.dose.text, steps: exercise.steps, feel: exercise.feel,
                        stop: exercise.stop, note: item.note.nilIfEmpty, picture: "/exercises/\(exercise.id).svg",
                        alt: "\(exercise.name): \(exercise.startLabel), then \(exercise.endLabel)")
        }
    }

    /// The 48-hour advice in real dates, when the injury time is known and the program uses cold or heat.
    func thermal(_ program: HomeProgram) async throws -> String? {
        guard let injuredAt = program.injuredAt,
              program.items.contains(where: { $0.exercise?.code == .coldPack || $0.exercise?.code == .heat }) else { return nil }
        return ThermalPlan(injuredAt: injuredAt, now: services.now, zone: try await zone()).advice
    }

    /// The last two weeks of the diary, for charts and the summary.
    func adherence(clientId: String, days: Int = 14) async throws -> Adherence {
        let today = try await zone().local(services.now).date
        let logs = try await programs.logs(clientId: clientId, from: today.adding(days: -(days - 1)))
        return Adherence(logs, through: today, days: days)
    }

    /// Queues each client's daily reminder once their chosen time has passed today (clinic time zone).
    @discardableResult
    func queueReminders() async throws -> Int {
        let local = try await zone().local(services.now)
        let clinicName = try await services.clinic.profile()?.name ?? "your clinic"
        let publicURL = services.configuration.publicURL
        let clients = services.clients
        return try await programs.queueDueReminders(today: local.date, minuteNow: local.time.minutes, at: services.now) { reminder in
            guard let client = try await clients.find(id: reminder.clientId), EmailAddress.isPlausible(client.email) else { return nil }
            return QueuedMail(to: client.email, subject: "Time for your home program",
                              body: "Hello \(client.firstName),\n\nThis is your daily reminder from \(clinicName). Your program and today's log are here:\n\(publicURL)/me/program\n\nYou can change or turn off this reminder on that page.")
        }
    }
}

extension ProgramService.Card: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "number": number
        case "id": id
        case "name": name
        case "dose": dose
        case "steps": steps
        case "feel": feel
        case "stop": stop
        case "note": note
        case "picture": picture
        case "alt": alt
        default: nil
        }
    }
}
