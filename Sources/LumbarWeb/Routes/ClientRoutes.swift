import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Client records: list, register, view, chart notes, care team, portal access, and a client's own record.
struct ClientRoutes {
    let services: AppServices

    static let clientFields = [
        FieldView("firstName", "First name", autocomplete: "off", limit: .name),
        FieldView("lastName", "Last name", autocomplete: "off", limit: .name),
        FieldView("email", "Email", type: "email", autocomplete: "off", optional: true),
        FieldView("phone", "Phone", type: "tel", help: "With the area code, e.g. 416-555-0100.", autocomplete: "off", optional: true),
        FieldView("dateOfBirth", "Date of birth", type: "date", optional: true),
        FieldView("emergencyName", "Emergency contact's name", autocomplete: "off", optional: true, limit: .name),
        FieldView("emergencyPhone", "Emergency contact's phone", type: "tel", autocomplete: "off", optional: true),
    ]

    /// What the client's record says after a change sent back to it (`?saved=`).
    static let saved = ["withdrawn": "Withdrawal recorded. The consent shows as withdrawn."]

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients") { request, context -> Response in
            let account = try context.staff()
            let typed = FormData(encoded: request.uri.query ?? "")["q"]
            let tooLong = ClientQuery.limit.problem("q", typed)
            let finder = ClientFinder(services: services)
            let scope = try await finder.scope(account)
            let searched = tooLong == nil && !ClientQuery(typed).isEmpty
            let newest = try await services.clients.recent(treatedBy: scope, limit: searched ? 0 : 20)
            var clients = newest.clients
            if searched {
                clients = try await finder.search(typed, account: account, context: context, limit: ClientListPage.shownMatches).map(\.client)
            } else {
                try await services.audit(account, context, .view, .contact, client: nil, detail: "client list, \(clients.count) shown")
            }
            // Typed but nothing in it to search by (such as 17/11/1950): said beside the box, not a silent default list.
            let unread = tooLong == nil && !searched && !typed.trimmed.isEmpty
                ? "Nothing in “\(typed.trimmed.prefix(40))” can be searched. Type part of a name or phone number, or a date of birth as 1950-11-17 or 17 Nov 1950."
                : nil
            let picker = ClientPicker(field: "", label: "Find a client", queryName: "q", query: typed, error: tooLong?.message ?? unread, navigates: true)
            let page = ClientListPage(chrome: context.chrome("Clients"), picker: picker, clients: clients.map { ClientPicker.Choice($0) },
                                      total: newest.total, searched: searched, canCreate: true, scoped: scope != nil)
            return services.views.page("clients", page, status: tooLong == nil ? .ok : .unprocessableContent)
        }
        router.get("/clients/search") { request, context -> Response in
            let account = try context.staff()
            let typed = FormData(encoded: request.uri.query ?? "")["q"]
            guard ClientQuery.limit.allows(typed) else { throw PageError.badForm("Type at most \(ClientQuery.limit) characters.") }
            let finder = ClientFinder(services: services)
            return try finder.json(try await finder.search(typed, account: account, context: context))
        }
        router.get("/clients/new") { request, context -> Response in
            _ = try context.staff()
            let back = ClientReturn(FormData(encoded: request.uri.query ?? "")["back"])
            return services.views.page("client_new", ClientFormPage(chrome: context.chrome("Register a client"), fields: Self.clientFields, returning: back))
        }
        router.post("/clients") { _, context -> Response in
            let account = try context.staff()
            let form = context.form
            let dob = form["dateOfBirth"].isEmpty ? nil : LocalDate(iso: form["dateOfBirth"])
            let emergency = EmergencyContact(name: form["emergencyName"], phone: form["emergencyPhone"])
            let draft = Client(id: "", firstName: form["firstName"].trimmed, lastName: form["lastName"].trimmed, email: form["email"].trimmed.lowercased(),
                               phone: PhoneNumber.normalised(form["phone"]), dateOfBirth: dob, emergencyContact: emergency.stored)
            var problems = draft.problems(today: services.now.utcDate)
            if !form["dateOfBirth"].isEmpty && dob == nil { problems.append(FieldProblem("dateOfBirth", "Enter the date as YYYY-MM-DD.")) }
            guard problems.isEmpty else {
                let page = ClientFormPage(chrome: context.chrome("Register a client"), fields: Self.clientFields.filled(from: form, problems: problems),
                                          returning: ClientReturn(form["back"]))
                return services.views.page("client_new", page, status: .unprocessableContent)
            }
            let client = try await services.clients.create(draft, at: services.now)
            if account.role == .therapist { try await services.clients.assign(therapistId: account.id, clientId: client.id, at: services.now) }
            try await services.audit(account, context, .create, .contact, client: client.id)
            if let back = ClientReturn(form["back"]) { return .seeOther(back.back(chosen: client.id)) }
            return .seeOther("/clients/\(client.id)")
        }
        router.get("/clients/:id") { request, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            // A client's own record is their portal, written for them.
            if access.relation.isSelf { return .seeOther("/me") }
            let query = FormData(encoded: request.uri.query ?? "")
            return try await ClientRecordView(services: services).render(context, account: account, access: access,
                                                                         section: ClientRecordPage.Section(query: query["section"]), notice: Self.saved[query["saved"]])
        }
        router.post("/clients/:id/notes") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.writesClinical else { throw PageError.forbidden }
            let body = context.form["body"].trimmed
            var problems: [FieldProblem] = []
            if body.isEmpty { problems.append(FieldProblem("body", "Write the note before adding it.")) }
            if let tooLong = FieldLimit.clinical.problem("body", body) { problems.append(tooLong) }
            if !FieldLimit.short.allows(context.form["reason"]) {
                problems.append(FieldProblem("body", "Keep the reason for the correction to \(FieldLimit.short) characters or fewer."))
            }
            guard problems.isEmpty else {
                return try await ClientRecordView(services: services).render(context, account: account, access: access, section: .visits, problems: problems,
                                                                              status: .unprocessableContent)
            }
            let amends = context.form["amends"].isEmpty ? nil : context.form["amends"]
            _ = try await services.chartNotes.add(clientId: access.client.id, authorId: account.id, body: body, amends: amends,
                                                 reason: amends == nil ? nil : context.form["reason"].trimmed, at: services.now)
            try await services.audit(account, context, .create, .clinical, client: access.client.id, detail: amends == nil ? "chart note" : "amendment")
            return .seeOther("/clients/\(access.client.id)?section=visits#chart-heading")
        }
        router.post("/clients/:id/therapists") { _, context -> Response in
            let account = try context.staff()
            guard account.role != .therapist else { throw PageError.forbidden }
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard let therapist = try await services.accounts.find(id: context.form["therapist"]), therapist.role == .therapist else {
                return try await ClientRecordView(services: services).render(context, account: account, access: access, problems: [FieldProblem("therapist", "Choose a therapist.")], status: .unprocessableContent)
            }
            try await services.clients.assign(therapistId: therapist.id, clientId: access.client.id, at: services.now)
            try await services.audit(account, context, .change, .contact, client: access.client.id, detail: "care team: added therapist \(therapist.id)")
            return .seeOther("/clients/\(access.client.id)")
        }
        router.post("/clients/:id/portal") { _, context -> Response in
            let account = try context.staff()
            guard account.role != .therapist else { throw PageError.forbidden }
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            let client = access.client
            guard client.accountId == nil, EmailAddress.isPlausible(client.email) else {
                throw PageError.badForm("This client already has portal access, or has no email address on file.")
            }
            let draft = AccountDraft(email: client.email, name: client.fullName, role: .client, password: Secrets.token())
            let portal: Account
            do {
                portal = try await services.clients.createPortalAccount(clientId: client.id, draft: draft, passwordHash: try await services.hasher.hash(draft.password), at: services.now)
            } catch StorageError.conflict {
                throw PageError.badForm("Another account already uses this client's email address.")
            }
            try await ResetLinks(services: services).send(to: portal, subject: "Your client portal at \(try await services.clinic.profile()?.name ?? "the clinic")")
            try await services.audit(account, context, .create, .account, client: client.id, detail: "portal access emailed")
            return .seeOther("/clients/\(client.id)")
        }
    }
}
