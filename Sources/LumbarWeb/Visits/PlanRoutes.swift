import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The treatment plan: goals from the client's own activities, techniques beside the engine's view (overrides
/// need a note), areas, pressure, frequency, visits and reassessment; each change is a new version and needs the
/// client's consent again.
struct PlanRoutes {
    let services: AppServices
    var plans: any TreatmentPlanRepository { services.treatmentPlans }

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/plan") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            return try await page(context, account: account, client: access.client, form: nil, problems: [])
        }
        router.post("/clients/:id/plan") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let form = context.form
            let statuses = try await Self.engineStatuses(services, clientId: access.client.id)
            let intake = try await services.intake.latestSubmitted(clientId: access.client.id)
            var problems: [FieldProblem] = []
            let visits = Int(form["visits"].trimmed)
            let reassess = LocalDate(iso: form["reassessOn"])
            if visits == nil { problems.append(FieldProblem("visits", "Enter the number of visits.")) }
            if reassess == nil { problems.append(FieldProblem("reassessOn", "Enter the reassessment date as YYYY-MM-DD.")) }
            let plan = TreatmentPlan(
                clientId: access.client.id, intakeId: intake?.id, goals: (1...5).map { form["goal-\($0)"].trimmed }.filter { !$0.isEmpty },
                techniques: Technique.allCases.map { .init(technique: $0, engineStatus: statuses[$0], chosen: form.all("technique").contains($0.rawValue),
                                                           note: form["note-\($0.rawValue)"].trimmed) },
                areas: form.all("area").compactMap(BodyRegion.init(rawValue:)), pressure: PressurePreference(rawValue: form["pressure"]) ?? .moderate,
                frequency: form["frequency"].trimmed, visits: visits ?? 0, reassessOn: reassess ?? LocalDate(year: 2000, month: 1, day: 1)!,
                createdBy: account.id, createdAt: services.now)
            let today = try await IntakeService(services: services).today()
            // The plan numbers its goals without the empty boxes; a problem is named by the box the goal was typed in.
            let typed = (1...5).filter { !form["goal-\($0)"].trimmed.isEmpty }
            problems += plan.problems(today: today).map { problem in
                guard problem.field.hasPrefix("goal-"), let number = Int(problem.field.dropFirst(5)), number >= 1, number <= typed.count else { return problem }
                return FieldProblem("goal-\(typed[number - 1])", problem.message)
            }.filter { problem in !problems.contains { $0.field == problem.field } }
            guard problems.isEmpty else {
                return try await page(context, account: account, client: access.client, form: form, problems: problems, status: .unprocessableContent)
            }
            let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: access.client.id, infoType: .clinical,
                                   action: .create, address: context.address, detail: "treatment plan saved")
            _ = try await plans.save(plan, audit: audit)
            return .seeOther("/clients/\(access.client.id)/plan")
        }
    }


    /// The engine's technique statuses at the latest signed visit, or at intake when there is no visit yet.
    static func engineStatuses(_ services: AppServices, clientId: String) async throws -> [Technique: TechniqueStatus] {
        let visit = try await services.visitNotes.list(clientId: clientId).last { $0.status == .signed && $0.assessmentJSON != nil }
        let intake = try await services.intake.latestSubmitted(clientId: clientId)
        guard let json = visit?.assessmentJSON ?? intake?.resultJSON, let value = try? JSONValue.parse(json) else { return [:] }
        return Dictionary((value["techniques"]?.arrayValue ?? []).compactMap { item in
            guard let technique = Technique(rawValue: item["code"]?.stringValue ?? ""),
                  let status = TechniqueStatus(rawValue: item["status"]?.stringValue ?? "") else { return nil }
            return (technique, status)
        }, uniquingKeysWith: { a, _ in a })
    }

    /// What the client still has to consent to for this plan version: for a changed plan, consent given after it.
    static func consentNeeded(_ services: AppServices, plan: TreatmentPlan) async throws -> [String] {
        let consents = try await services.consents.list(clientId: plan.clientId)
        let status = ConsentStatus(consents, intakeId: plan.intakeId, appointmentId: nil)
        var needed: [String] = []
        func current(_ kind: ConsentKind) -> Bool {
            guard case .given(let consent)? = status.states[kind] else { return false }
            return plan.version == 1 || consent.at >= plan.createdAt
        }
        if !current(.treatment) { needed.append("Consent to this plan\(plan.version > 1 ? " as changed" : "") (the client signs it again from their intake).") }
        if plan.sensitiveAreas.contains(.gluteal) && !current(.gluteal) { needed.append("Written consent for the gluteal area for this plan.") }
        return needed
    }

    /// The consents on file that this plan rests on: treatment, and gluteal when the plan includes that area.
    static func reliesOn(_ services: AppServices, plan: TreatmentPlan, zone: ZonedTime) async throws -> [String] {
        let status = ConsentStatus(try await services.consents.list(clientId: plan.clientId), intakeId: plan.intakeId, appointmentId: nil)
        let kinds: [ConsentKind] = plan.sensitiveAreas.contains(.gluteal) ? [.treatment, .gluteal] : [.treatment]
        return kinds.compactMap { kind in
            guard case .given(let consent)? = status.states[kind] else { return nil }
            return "\(kind.label): signed by \(consent.signerName), \(zone.spoken(consent.at)), text \(consent.textVersion)"
        }
    }

    private func page(_ context: AppRequestContext, account: Account, client: Client, form: FormData?, problems: [FieldProblem],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let versions = try await plans.versions(clientId: client.id)
        let current = versions.first
        let statuses = try await Self.engineStatuses(services, clientId: client.id)
        let intake = try await services.intake.latestSubmitted(clientId: client.id)
        let activities = (1...5).map { intake?.answers["psfs.activity.\($0)"].trimmed ?? "" }.filter { !$0.isEmpty }
        let goals = current?.goals ?? activities.map { "Back to: \($0)" }
        let today = try await IntakeService(services: services).today()
        // A first plan starts from what the assessment recommends; with nothing recommended, Swedish massage, the
        // safest default (clinical reference §4), when it is open to this client.
        let recommended = Set(Technique.allCases.filter { statuses[$0] == .recommended })
        let defaults = !recommended.isEmpty ? recommended : (statuses[.swedish].map { $0.strictness == 0 } ?? false) ? [.swedish] : Set<Technique>()
        let chosenAreas = Set(form.map { $0.all("area") } ?? (current?.areas ?? [.lumbarLeft, .lumbarRight]).map(\.rawValue))
        let zone = try await services.clinicTime()
        let pressure = form?["pressure"] ?? current?.pressure.rawValue ?? intake?.answers["pressure"].nilIfEmpty ?? "moderate"
        let page = PlanPage(
            chrome: context.chrome("Treatment plan: \(client.fullName)"),
            client: client, hasPlan: current != nil, version: current?.version ?? 0,
            summary: current.map { plan in
                ["Goals: " + plan.goals.joined(separator: "; "),
                 "Techniques: " + plan.techniques.filter(\.chosen).map { $0.technique.name + ($0.note.isEmpty ? "" : " (\($0.note))") }.joined(separator: ", "),
                 "Areas: " + plan.areas.map(\.label).joined(separator: ", ") + "; \(plan.pressure.rawValue) pressure",
                 "\(plan.visits) visits, \(plan.frequency); reassess on \(plan.reassessOn.spoken)"]
            } ?? [],
            consentNeeded: try await current.asyncMap { try await Self.consentNeeded(services, plan: $0) } ?? [],
            reliesOn: try await current.asyncMap { try await Self.reliesOn(services, plan: $0, zone: zone) } ?? [],
            goals: (1...5).map { index in
                PlanPage.Goal(index: index, text: form?["goal-\(index)"] ?? (index <= goals.count ? goals[index - 1] : ""),
                     error: problems.first { $0.field == "goal-\(index)" }?.message)
            },
            techniques: Technique.allCases.map { technique in
                let previous = current?.techniques.first { $0.technique == technique }
                return PlanPage.TechniqueRow(id: technique.rawValue, name: technique.name, status: statuses[technique]?.rawValue ?? "no assessment",
                                    chosen: form.map { $0.all("technique").contains(technique.rawValue) } ?? previous?.chosen ?? defaults.contains(technique),
                                    note: form?["note-\(technique.rawValue)"] ?? previous?.note ?? "",
                                    error: problems.first { $0.field == "note-\(technique.rawValue)" }?.message)
            },
            areas: BodyRegion.allCases.map { PlanPage.Option(value: $0.rawValue, label: $0.label, selected: chosenAreas.contains($0.rawValue)) },
            pressures: PressurePreference.allCases.map { PlanPage.Option(value: $0.rawValue, label: $0.rawValue, selected: $0.rawValue == pressure) },
            frequency: form?["frequency"] ?? current?.frequency ?? "once a week", frequencyError: problems.first { $0.field == "frequency" }?.message,
            visits: form?["visits"] ?? current.map { String($0.visits) } ?? "6",
            reassessOn: form?["reassessOn"] ?? current?.reassessOn.description ?? today.adding(days: 28).description,
            problems: problems, hasProblems: !problems.isEmpty,
            history: versions.map { "Version \($0.version), \(zone.spoken($0.createdAt)): \($0.techniques.filter(\.chosen).map(\.technique.name).joined(separator: ", "))" })
        try await services.audit(account, context, .view, .clinical, client: client.id, detail: "treatment plan")
        return services.views.page("plan", page, status: status)
    }
}
