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

    static let noteFields = [FieldView.textArea("body", "New chart note", help: "Dated and signed with your name. Notes cannot be edited; add a new note to correct one.",
                                                limit: .clinical)]

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients") { request, context -> Response in
            let account = try context.staff()
            let search = FormData(encoded: request.uri.query ?? "")["q"]
            let tooLong = FieldLimit.name.problem("q", search)
            let policy = try await services.policy()
            let scoped = account.role == .therapist && !policy.sharedCare
            var clients: [Client] = []
            if tooLong == nil { clients = try await services.clients.list(treatedBy: scoped ? account.id : nil, matching: search) }
            try await services.audit(account, context, .view, .contact, client: nil, detail: "client list, \(clients.count) shown")
            let page = ClientListPage(chrome: context.chrome("Clients"), clients: clients, query: search, queryError: tooLong?.message,
                                canCreate: true, scoped: scoped)
            return services.views.page("clients", page, status: tooLong == nil ? .ok : .unprocessableContent)
        }
        router.get("/clients/new") { _, context -> Response in
            _ = try context.staff()
            return services.views.page("client_new", ClientFormPage(chrome: context.chrome("Register a client"), fields: Self.clientFields))
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
                let page = ClientFormPage(chrome: context.chrome("Register a client"), fields: Self.clientFields.filled(from: form, problems: problems))
                return services.views.page("client_new", page, status: .unprocessableContent)
            }
            let client = try await services.clients.create(draft, at: services.now)
            if account.role == .therapist { try await services.clients.assign(therapistId: account.id, clientId: client.id, at: services.now) }
            try await services.audit(account, context, .create, .contact, client: client.id)
            return .seeOther("/clients/\(client.id)")
        }
        router.get("/clients/:id") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            return try await recordPage(context, account: account, access: access)
        }
        router.get("/me") { request, context -> Response in
            let account = try context.signedIn()
            guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
            let query = FormData(encoded: request.uri.query ?? "")
            let notice = query.has("booked") ? "You're booked. A confirmation is on its way to your email."
                : query.has("cancelled") ? "Your appointment is cancelled."
                : query.has("waitlist") ? "You're on the waitlist. We'll email you if an earlier time opens."
                : query.has("withdrawn") ? "Your consent is withdrawn. Your therapist will see this before your next treatment."
                : query.has("questionnaire") ? "Thank you. Your answers are saved for your therapist." : nil
            return try await recordPage(context, account: account, access: try await services.clientAccess(account, client.id), notice: notice)
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
            guard problems.isEmpty else { return try await recordPage(context, account: account, access: access, problems: problems, status: .unprocessableContent) }
            let amends = context.form["amends"].isEmpty ? nil : context.form["amends"]
            _ = try await services.chartNotes.add(clientId: access.client.id, authorId: account.id, body: body, amends: amends,
                                                 reason: amends == nil ? nil : context.form["reason"].trimmed, at: services.now)
            try await services.audit(account, context, .create, .clinical, client: access.client.id, detail: amends == nil ? "chart note" : "amendment")
            return .seeOther("/clients/\(access.client.id)#chart-heading")
        }
        router.post("/clients/:id/therapists") { _, context -> Response in
            let account = try context.staff()
            guard account.role != .therapist else { throw PageError.forbidden }
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard let therapist = try await services.accounts.find(id: context.form["therapist"]), therapist.role == .therapist else {
                return try await recordPage(context, account: account, access: access, problems: [FieldProblem("therapist", "Choose a therapist.")], status: .unprocessableContent)
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
            try await AuthRoutes(services: services).sendResetLink(to: portal, subject: "Your client portal at \(try await services.clinic.profile()?.name ?? "the clinic")")
            try await services.audit(account, context, .create, .account, client: client.id, detail: "portal access emailed")
            return .seeOther("/clients/\(client.id)")
        }
    }

    /// The client's appointments from a month ago on, with what the client may do online.
    private func appointmentRows(_ client: Client, ownView: Bool) async throws -> [ClientRecordPage.AppointmentRow] {
        let now = services.now
        let window = TimeRange(start: now.adding(seconds: -30 * 86_400), end: now.adding(seconds: 400 * 86_400))
        let appointments = try await services.appointments.list(window: window, clientId: client.id, activeOnly: false)
        guard !appointments.isEmpty else { return [] }
        let rules = try await services.scheduling.rules()
        let serviceNames = Dictionary(try await services.scheduling.services().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let therapistNames = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let zones = Dictionary(try await services.scheduling.locations().map { ($0.id, $0.timeZone) }, uniquingKeysWith: { a, _ in a })
        return appointments.map { appointment in
            let zone = FoundationZone(identifier: zones[appointment.locationId] ?? "UTC") ?? FoundationZone(identifier: "UTC")!
            return ClientRecordPage.AppointmentRow(
                id: appointment.id, when: BookingService.spoken(appointment.start, zone), service: serviceNames[appointment.serviceId] ?? "Appointment",
                therapist: therapistNames[appointment.therapistId] ?? "your therapist", status: appointment.status.rawValue,
                serviceId: appointment.serviceId, locationId: appointment.locationId,
                canCancel: ownView && appointment.status == .booked && !rules.isLateCancellation(start: appointment.start, now: now),
                canWait: ownView && appointment.status == .booked && appointment.start > now)
        }
    }

    /// Visit notes for staff who see clinical records: originals, newest first, each marked if amended.
    private func visitRows(_ access: ClientAccess, ownView: Bool) async throws -> [ClientRecordPage.VisitRow] {
        guard access.seesClinical, !ownView else { return [] }
        let zone = try await services.clinicTime()
        let notes = try await services.visitNotes.list(clientId: access.client.id)
        let amended = Set(notes.compactMap { $0.status == .signed ? $0.amends : nil })
        return notes.filter { $0.amends == nil }.reversed().map {
            ClientRecordPage.VisitRow(id: $0.id, when: zone.local($0.createdAt), author: $0.authorName, status: $0.status.rawValue,
                     pain: $0.painNow.map { "pain \($0)/10" }, amended: amended.contains($0.id))
        }
    }

    /// Repeat questionnaires for a client with a sent intake, on their own record.
    private func questionnaireLinks(_ client: Client, ownView: Bool) async throws -> [ClientRecordPage.QuestionnaireLink] {
        guard ownView, try await services.intake.latestSubmitted(clientId: client.id) != nil else { return [] }
        return try await QuestionnaireRoutes(services: services).offered().map { ClientRecordPage.QuestionnaireLink(code: $0.rawValue, name: $0.name) }
    }

    /// The last week of the home-program diary, for staff who see clinical records; nil without a program.
    private func diarySummary(_ access: ClientAccess, ownView: Bool) async throws -> String? {
        guard access.seesClinical, !ownView,
              try await services.homePrograms.current(clientId: access.client.id) != nil else { return nil }
        return try await ProgramService(services: services).adherence(clientId: access.client.id, days: 7).summary
    }

    /// Renders a record, writing an audit row for each kind of information shown. With `problems`, the form that was
    /// sent (the chart's own, or `returned` in the intake panel) shows them beside its fields, with what was typed.
    func recordPage(_ context: AppRequestContext, account: Account, access: ClientAccess, problems: [FieldProblem] = [],
                    returned: IntakePanel.Returned? = nil, status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        let client = access.client
        var notes: [ClientRecordPage.NoteRow] = []
        var viewed = [services.auditEntry(account, context, .view, .contact, client: client.id)]
        if access.seesClinical {
            let zone = try await services.clinicTime()
            notes = try await services.chartNotes.list(clientId: client.id).map {
                ClientRecordPage.NoteRow(id: $0.id, createdAt: zone.local($0.createdAt), authorName: $0.authorName, body: $0.body, amends: $0.amends, reason: $0.reason)
            }
            viewed.append(services.auditEntry(account, context, .view, .clinical, client: client.id, detail: "chart notes"))
        }
        // Both rows in one commit, before anything of the record is sent.
        try await services.audit.append(viewed)
        let manages = account.role == .owner || account.role == .frontDesk
        let ownView = account.role == .client
        let therapists = manages ? try await services.accounts.therapists() : []
        var chrome = context.chrome(client.fullName)
        chrome.notice = notice
        let page = ClientRecordPage(
            chrome: chrome, client: client, dateOfBirth: client.dateOfBirth?.description ?? "not given",
            therapists: try await services.clients.therapists(of: client.id), showsClinical: access.seesClinical, notes: notes,
            canWrite: access.writesClinical, canAssign: manages, canInvite: manages && client.accountId == nil && !client.email.isEmpty,
            assignField: [FieldView.select("therapist", "Assign a therapist", therapists.map { ($0.id, $0.name) })].filled(from: context.form, problems: problems),
            noteFields: Self.noteFields.filled(from: context.form, problems: problems),
            appointments: try await appointmentRows(client, ownView: ownView), ownView: ownView,
            intake: try await IntakePanel.make(services, access: access, account: account, context: context, returned: returned, problems: problems),
            homeProgram: try await diarySummary(access, ownView: ownView),
            visits: try await visitRows(access, ownView: ownView),
            progress: access.seesClinical && !ownView ? try await ProgressPanel.make(services, clientId: client.id) : nil,
            receipts: ownView ? try await services.billing.receipts(clientId: client.id).map {
                ClientRecordPage.ReceiptLink(id: $0.id, label: "Receipt \($0.number)\($0.isDuplicate ? " (duplicate)" : "")")
            } : [],
            questionnaires: try await questionnaireLinks(client, ownView: ownView))
        return services.views.page("client", page, status: status)
    }
}
