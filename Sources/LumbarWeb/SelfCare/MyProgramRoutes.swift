import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The client's home program on their phone: the list, one item per screen, the handout, a quick daily log with
/// its chart, and an optional daily email reminder. Only ever the signed-in client's own program.
struct MyProgramRoutes {
    let services: AppServices
    var program: HomeProgramService { HomeProgramService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/me/program") { request, context -> Response in
            let (account, client) = try await me(context)
            let query = FormData(encoded: request.uri.query ?? "")
            let notice = query.has("logged") ? "Saved. Thank you for logging." : query.has("reminder") ? "Reminder saved." : nil
            return try await page(context, account: account, client: client, form: FormData(), problems: [], notice: notice)
        }
        router.get("/me/program/item/:number") { _, context -> Response in
            let (account, client) = try await me(context)
            guard let current = try await services.homePrograms.current(clientId: client.id) else { throw PageError.notFound }
            let cards = ProgramCard.cards(current)
            guard let number = Int(try context.parameters.require("number")), cards.indices.contains(number - 1) else { throw PageError.notFound }
            try await services.audit(account, context, .view, .selfCare, client: client.id, detail: "home program item \(number)")
            let page = MyProgramStepPage(chrome: context.chrome(cards[number - 1].name),
                                card: cards[number - 1], count: cards.count,
                                previous: number > 1 ? "/me/program/item/\(number - 1)" : nil, next: number < cards.count ? "/me/program/item/\(number + 1)" : nil)
            return services.views.page("program_item", page)
        }
        router.get("/me/program/print") { _, context -> Response in
            let (account, client) = try await me(context)
            guard let current = try await services.homePrograms.current(clientId: client.id) else { throw PageError.notFound }
            try await services.audit(account, context, .print, .selfCare, client: client.id, detail: "home program handout v\(current.version)")
            return try await HandoutPage.render(services, client: client, program: current, context: context)
        }
        router.get("/me/program/chart.svg") { _, context -> Response in
            let (account, client) = try await me(context)
            try await services.audit(account, context, .view, .selfCare, client: client.id, detail: "diary chart")
            return Response.svg(AdherenceChart.svg(try await program.adherence(clientId: client.id)))
        }
        router.post("/me/program/log") { _, context -> Response in
            let (account, client) = try await me(context)
            // The form names the program it was shown with; it must be this client's current one.
            guard let current = try await services.homePrograms.current(clientId: client.id), context.form["program"] == current.id else { throw PageError.notFound }
            let form = context.form
            let today = try await program.zone().local(services.now).date
            let day = LocalDate(iso: form["day"])
            let problems = ProgramLog.problems(day: day, today: today, done: form["done"], pain: form["pain"], note: form["note"].trimmed)
            guard problems.isEmpty, let day, let done = ProgramLog.Done(rawValue: form["done"]), let pain = Int(form["pain"]) else {
                return try await page(context, account: account, client: client, form: form, problems: problems, status: .unprocessableContent)
            }
            let audit = AuditEntry(at: services.now, actorId: account.id, actorRole: account.role, clientId: client.id, infoType: .selfCare, action: .create,
                                   address: context.address, detail: "diary entry")
            try await services.homePrograms.log(ProgramLog(programId: current.id, day: day, done: done, pain: pain, note: form["note"].trimmed, at: services.now),
                                           clientId: client.id, audit: audit)
            return .seeOther("/me/program?logged=1")
        }
        router.post("/me/program/reminder") { _, context -> Response in
            let (account, client) = try await me(context)
            let form = context.form
            guard let time = WallTime(form["time"].trimmed) else {
                return try await page(context, account: account, client: client, form: form,
                                      problems: [FieldProblem("time", "Enter a time such as 19:30.")], status: .unprocessableContent)
            }
            try await services.homePrograms.setReminder(clientId: client.id, minuteOfDay: time.minutes, enabled: form.checkbox("enabled"), at: services.now)
            try await services.audit(account, context, .change, .selfCare, client: client.id, detail: "program reminder \(form.checkbox("enabled") ? "on" : "off")")
            return .seeOther("/me/program?reminder=1")
        }
    }

    private func me(_ context: AppRequestContext) async throws -> (Account, Client) {
        let account = try context.signedIn()
        guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
        return (account, client)
    }

    private func page(_ context: AppRequestContext, account: Account, client: Client, form: FormData, problems: [FieldProblem],
                      status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        var chrome = context.chrome("My home program")
        chrome.notice = notice
        guard let current = try await services.homePrograms.current(clientId: client.id) else {
            return services.views.page("program_none", MyProgramNonePage(chrome: chrome))
        }
        let today = try await program.zone().local(services.now).date
        let chosenDay = form["day"].isEmpty ? today.description : form["day"]
        let reminder = try await services.homePrograms.reminder(clientId: client.id)
        func error(_ field: String) -> String? { problems.first { $0.field == field }?.message }
        let page = MyProgramPage(
            chrome: chrome, programId: current.id, cards: ProgramCard.cards(current), thermal: try await program.thermal(current), note: current.note.nilIfEmpty,
            therapist: try await services.accounts.find(id: current.createdBy)?.name ?? "your therapist",
            days: (0...6).map { offset in
                let day = today.adding(days: -offset)
                return MyProgramPage.Day(value: day.description, label: offset == 0 ? "Today" : offset == 1 ? "Yesterday" : day.spoken, selected: day.description == chosenDay)
            },
            done: ProgramLog.Done.allCases.map { MyProgramPage.Choice(value: $0.rawValue, label: $0.label, checked: form["done"] == $0.rawValue) },
            pains: (0...10).map { MyProgramPage.Choice(value: String($0), label: String($0), checked: form["pain"] == String($0)) },
            logNote: form["note"], logNoteError: error("note"), problems: problems, dayError: error("day"), doneError: error("done"), painError: error("pain"),
            summary: try await program.adherence(clientId: client.id).summary,
            reminderTime: form.has("time") ? form["time"] : reminder.map { WallTime(minutes: $0.minuteOfDay)!.description } ?? "19:00",
            reminderOn: form.has("time") ? form.checkbox("enabled") : reminder?.enabled ?? false, reminderError: error("time"))
        try await services.audit(account, context, .view, .selfCare, client: client.id, detail: "home program and diary")
        return services.views.page("program_mine", page, status: status)
    }
}
