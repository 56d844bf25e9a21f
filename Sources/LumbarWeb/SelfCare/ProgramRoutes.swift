import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The therapist's side of the home program: start from the engine's suggestions, choose, dose and order items,
/// save as a new version; see how it is going; print the handout. Exercise pictures are served here too.
struct ProgramRoutes {
    let services: AppServices
    var program: HomeProgramService { HomeProgramService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/exercises/:file") { _, context -> Response in
            let file = try context.parameters.require("file")
            guard file.hasSuffix(".svg"), let exercise = ExerciseLibrary.exercise(String(file.dropLast(4))) else { throw PageError.notFound }
            return Response(status: .ok, headers: [.contentType: "image/svg+xml", .cacheControl: "public, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(string: Illustration.svg(exercise))))
        }
        router.get("/clients/:id/program") { request, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            let saved = FormData(encoded: request.uri.query ?? "").has("saved")
            return try await editor(context, account: account, client: access.client, form: nil, problems: [],
                                    notice: saved ? "Saved. The client sees this version now." : nil)
        }
        router.get("/clients/:id/program/chart.svg") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            try await services.audit(account, context, .view, .selfCare, client: access.client.id, detail: "diary chart")
            return Response.svg(AdherenceChart.svg(try await program.adherence(clientId: access.client.id)))
        }
        router.post("/clients/:id/program") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let zone = try await program.zone()
            var problems: [FieldProblem] = []
            let form = context.form
            let chosen = form.all("include").compactMap(ExerciseLibrary.exercise)
            let ordered = chosen.enumerated().sorted { (Int(form["order-\($0.element.id)"]) ?? 100 + $0.offset) < (Int(form["order-\($1.element.id)"]) ?? 100 + $1.offset) }
            var items: [HomeProgram.Item] = []
            for (_, exercise) in ordered {
                let prefix = "item-\(exercise.id)-"
                func number(_ field: String) -> Int? {
                    let text = form[prefix + field].trimmed
                    guard !text.isEmpty else { return nil }
                    guard let value = Int(text) else { problems.append(FieldProblem(prefix + field, "Enter a whole number.")); return nil }
                    return value
                }
                items.append(HomeProgram.Item(exerciseId: exercise.id,
                                              dose: Dose(sets: number("sets"), reps: number("reps"), holdSeconds: number("hold"), minutes: number("minutes"),
                                                         often: form[prefix + "often"].trimmed),
                                              note: form[prefix + "note"].trimmed))
            }
            var injuredAt: Instant?
            if !form["injuredAt"].isEmpty {
                if let local = Self.localDateTime(form["injuredAt"]), let instant = zone.instant(local), instant <= services.now {
                    injuredAt = instant
                } else {
                    problems.append(FieldProblem("injuredAt", "Enter a date and time that has passed, such as 2026-11-23 18:00."))
                }
            }
            let suggestions = try await program.suggestions(clientId: access.client.id)
            let draft = HomeProgram(clientId: access.client.id, intakeId: suggestions.intakeId, items: items, note: form["note"].trimmed, injuredAt: injuredAt,
                                    createdBy: account.id, createdAt: services.now)
            problems += draft.problems
            guard problems.isEmpty else {
                return try await editor(context, account: account, client: access.client, form: form, problems: problems, status: .unprocessableContent)
            }
            let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: access.client.id, infoType: .selfCare,
                                   action: .create, address: context.address, detail: "home program saved, \(items.count) items")
            _ = try await services.homePrograms.save(draft, audit: audit)
            return .seeOther("/clients/\(access.client.id)/program?saved=1")
        }
        router.get("/clients/:id/program/print") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            guard let current = try await services.homePrograms.current(clientId: access.client.id) else { throw PageError.notFound }
            try await services.audit(account, context, .print, .selfCare, client: access.client.id, detail: "home program handout v\(current.version)")
            return try await HandoutPage.render(services, client: access.client, program: current, context: context)
        }
    }

    /// The signed-in staff member and the client, if they may see (or, for `write`, change) clinical records.

    /// "2026-11-23T18:00" (what a datetime-local field posts) or "2026-11-23 18:00".
    static func localDateTime(_ text: String) -> LocalDateTime? {
        let parts = text.trimmed.replacingOccurrences(of: "T", with: " ").split(separator: " ")
        guard parts.count == 2, let date = LocalDate(iso: String(parts[0])), let time = WallTime(String(parts[1].prefix(5))) else { return nil }
        return LocalDateTime(date, time)
    }

    private func editor(_ context: AppRequestContext, account: Account, client: Client, form: FormData?, problems: [FieldProblem],
                        status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        let current = try await services.homePrograms.current(clientId: client.id)
        let suggestions = try await program.suggestions(clientId: client.id)
        let suggested = Set(suggestions.items.map(\.exerciseId))
        let start = current?.items ?? suggestions.items
        let byId = Dictionary(start.enumerated().map { ($1.exerciseId, ($0, $1)) }, uniquingKeysWith: { a, _ in a })
        let included = form.map { Set($0.all("include")) }
        var rows: [ProgramEditorPage.Row] = []
        for section in ExerciseLibrary.sections {
            for (index, exercise) in section.items.enumerated() {
                let prefix = "item-\(exercise.id)-"
                let existing = byId[exercise.id]
                let dose = existing?.1.dose ?? exercise.dose
                func value(_ field: String, _ stored: Int?) -> String { form.map { $0[prefix + field] } ?? stored.map(String.init) ?? "" }
                rows.append(ProgramEditorPage.Row(
                    id: exercise.id, name: exercise.name, level: exercise.level == .standard ? nil : exercise.level.rawValue,
                    groupTitle: index == 0 ? section.title : nil, suggested: suggested.contains(exercise.id),
                    included: included?.contains(exercise.id) ?? (existing != nil),
                    order: form.map { $0["order-\(exercise.id)"] } ?? existing.map { String($0.0 + 1) } ?? "",
                    sets: value("sets", dose.sets), reps: value("reps", dose.reps), hold: value("hold", dose.holdSeconds), minutes: value("minutes", dose.minutes),
                    often: form.map { $0[prefix + "often"] } ?? dose.often, note: form.map { $0[prefix + "note"] } ?? existing?.1.note ?? "",
                    caution: suggestions.phase.flatMap { HomeProgramRules.caution(exercise, phase: $0) },
                    error: problems.filter { $0.field.hasPrefix(prefix) }.map(\.message).joined(separator: " ").nilIfEmpty))
            }
        }
        let zone = try await program.zone()
        let injured = form?["injuredAt"] ?? current?.injuredAt.map { instant in
            let local = zone.local(instant)
            return "\(local.date)T\(local.time)"
        } ?? ""
        let intake = suggestions.intakeId == nil ? nil : try await services.intake.latestSubmitted(clientId: client.id)
        let adherence = try await program.adherence(clientId: client.id)
        var chrome = context.chrome("Home program: \(client.fullName)")
        chrome.notice = notice
        let page = ProgramEditorPage(
            chrome: chrome, client: client, rows: rows, note: form?["note"] ?? current?.note ?? "", injuredAt: injured,
            intakeHint: intake?.answers["painStartedOn"].nilIfEmpty.map { "The intake says the pain began on \(LocalDate(iso: $0)?.spoken ?? $0)." },
            version: current?.version ?? 0, cards: current.map(ProgramCard.cards) ?? [], hasProgram: current != nil,
            thermal: try await current.asyncMap(program.thermal) ?? nil, summary: adherence.summary, chart: "/clients/\(client.id)/program/chart.svg",
            problems: problems.filter { !$0.field.hasPrefix("item-") }.map(\.message), hasProblems: !problems.isEmpty,
            noteError: problems.first { $0.field == "note" }?.message,
            fromSuggestions: current == nil && !suggestions.items.isEmpty,
            versions: try await services.homePrograms.versions(clientId: client.id).dropFirst().map { old in
                ProgramEditorPage.Version(version: old.version, when: "\(zone.local(old.createdAt).date.spoken)",
                        items: old.items.compactMap { $0.exercise?.name }.joined(separator: ", "))
            })
        try await services.audit(account, context, .view, .selfCare, client: client.id, detail: "home program and diary")
        return services.views.page("program_editor", page, status: status)
    }
}
