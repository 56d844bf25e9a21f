import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Therapists' time off: listed, added, edited, and removed after asking (kept on record as removed).
extension SchedulingAdminRoutes {
    func registerTimeOff(on router: Router<AppRequestContext>) {
        router.get("/scheduling/time-off") { request, context -> Response in
            _ = try context.owner()
            return try await timeOffPage(notice(context, request, title: "Time off"), form: FormData(), problems: [])
        }
        router.post("/scheduling/time-off") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            let (range, problems) = try await timeOff(from: form)
            guard let range, problems.isEmpty else {
                return try await timeOffPage(context.chrome("Time off"), form: form, problems: problems, status: .unprocessableContent)
            }
            try await services.scheduling.addTimeOff(therapistId: form["offTherapist"], range, note: form["offNote"].trimmed,
                                                     audit: services.auditEntry(owner, context, .change, .account, client: nil, detail: "time off added for \(form["offTherapist"])"))
            return .seeOther("/scheduling/time-off?saved=time-off")
        }
        router.get("/scheduling/time-off/:id") { _, context -> Response in
            _ = try context.owner()
            guard let entry = try await services.scheduling.timeOff(id: try context.parameters.require("id")) else { throw PageError.notFound }
            let zone = try await services.clinicTime().rules
            let form = FormData(["offTherapist": entry.therapistId, "offFrom": "\(zone.local(entry.range.start).date)",
                                 "offThrough": "\(zone.local(entry.range.end.adding(seconds: -1)).date)", "offNote": entry.note])
            return try await timeOffEditPage(context, entry, form: form, problems: [])
        }
        router.post("/scheduling/time-off/:id") { _, context -> Response in
            let owner = try context.owner()
            guard let entry = try await services.scheduling.timeOff(id: try context.parameters.require("id")) else { throw PageError.notFound }
            let form = context.form
            let (range, problems) = try await timeOff(from: form)
            guard let range, problems.isEmpty else { return try await timeOffEditPage(context, entry, form: form, problems: problems, status: .unprocessableContent) }
            let changed = try await services.scheduling.updateTimeOff(
                id: entry.id, therapistId: form["offTherapist"], range, note: form["offNote"].trimmed,
                audit: services.auditEntry(owner, context, .change, .account, client: nil, detail: "time off changed for \(form["offTherapist"])"))
            guard changed else { throw PageError.notFound }
            return .seeOther("/scheduling/time-off?saved=time-off-changed")
        }
        router.get("/scheduling/time-off/:id/remove") { _, context -> Response in
            _ = try context.owner()
            guard let entry = try await services.scheduling.timeOff(id: try context.parameters.require("id")) else { throw PageError.notFound }
            let page = TimeOffRemovePage(chrome: context.chrome("Remove time off"), entry: try await row(entry, names: try await therapistNames()))
            return services.views.page("time_off_remove", page)
        }
        router.post("/scheduling/time-off/:id/remove") { _, context -> Response in
            let owner = try context.owner()
            let id = try context.parameters.require("id")
            guard let entry = try await services.scheduling.timeOff(id: id) else { throw PageError.notFound }
            let removed = try await services.scheduling.removeTimeOff(
                id: id, by: owner.id, audit: services.auditEntry(owner, context, .change, .account, client: nil, detail: "time off removed for \(entry.therapistId)"),
                at: services.now)
            guard removed else { throw PageError.notFound }
            return .seeOther("/scheduling/time-off?saved=time-off-removed")
        }
    }

    /// Whole days on the clinic's clock, from the start of the first to the start of the day after the last.
    private func timeOff(from form: FormData) async throws -> (TimeRange?, [FieldProblem]) {
        var problems: [FieldProblem] = []
        if try await services.accounts.therapists().contains(where: { $0.id == form["offTherapist"] }) == false {
            problems.append(FieldProblem("offTherapist", "Choose a therapist."))
        }
        let clinicTime = try await services.clinicTime()
        let from = LocalDate(iso: form["offFrom"]), through = LocalDate(iso: form["offThrough"])
        if from == nil { problems.append(FieldProblem("offFrom", "Enter the first day off as YYYY-MM-DD.")) }
        if through == nil { problems.append(FieldProblem("offThrough", "Enter the last day off as YYYY-MM-DD.")) }
        let start = from.map(clinicTime.startOf), end = through.map { clinicTime.startOf($0.adding(days: 1)) }
        if let start, let end {
            switch TimeOff.problem(start: start, end: end, now: services.now) {
            case .endsBeforeStart?: problems.append(FieldProblem("offThrough", "The last day off is before the first. Enter the days in order."))
            case .alreadyOver?: problems.append(FieldProblem("offThrough", "These days are already over. Enter time off from today onwards."))
            case nil: break
            }
        }
        if let tooLong = FieldLimit.short.problem("offNote", form["offNote"]) { problems.append(tooLong) }
        guard let start, let end, problems.isEmpty else { return (nil, problems) }
        return (TimeRange(start: start, end: end), [])
    }

    /// Time off as the owner reads it: whole days on the clinic's clock, "Mon 1 Dec 2026 to Fri 5 Dec 2026".
    func row(_ entry: TimeOff, names: [String: String]) async throws -> TimeOffPage.Row {
        let zone = try await services.clinicTime().rules
        let first = zone.local(entry.range.start).date, last = zone.local(entry.range.end.adding(seconds: -1)).date
        func day(_ date: LocalDate) -> String { "\(date.weekdayName.prefix(3)) \(date.day) \(date.monthName.prefix(3)) \(date.year)" }
        return .init(id: entry.id, therapist: names[entry.therapistId] ?? "A former therapist", days: first == last ? day(first) : "\(day(first)) to \(day(last))",
                     note: entry.note.isEmpty ? nil : entry.note)
    }

    private func timeOffFields() async throws -> [FieldView] {
        [FieldView.select("offTherapist", "Therapist", try await services.accounts.therapists().map { ($0.id, $0.name) }),
         FieldView("offFrom", "First day off", type: "date"), FieldView("offThrough", "Last day off", type: "date"),
         FieldView("offNote", "Note", help: "For the clinic only, e.g. \"Course\".", optional: true, limit: .short)]
    }

    private func timeOffPage(_ chrome: Chrome, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        var chrome = chrome
        chrome.title = "Time off"
        let names = try await therapistNames()
        var rows: [TimeOffPage.Row] = []
        for entry in try await services.scheduling.timeOff(endingAfter: services.now) { rows.append(try await row(entry, names: names)) }
        return services.views.page("scheduling_time_off", TimeOffPage(chrome: chrome, nav: SetupNav(current: "/scheduling/time-off"), rows: rows,
                                                                      fields: try await timeOffFields().filled(from: form, problems: problems)), status: status)
    }

    private func timeOffEditPage(_ context: AppRequestContext, _ entry: TimeOff, form: FormData, problems: [FieldProblem],
                                 status: HTTPResponse.Status = .ok) async throws -> Response {
        let page = EditPage(chrome: context.chrome("Change time off"), heading: "Change time off", intro: nil, action: "/scheduling/time-off/\(entry.id)",
                            fields: try await timeOffFields().filled(from: form, problems: problems), checkboxes: [], button: "Save time off",
                            back: "/scheduling/time-off", retireHref: "/scheduling/time-off/\(entry.id)/remove", retireLabel: "Remove this time off")
        return services.views.page("setup_edit", page, status: status)
    }
}
