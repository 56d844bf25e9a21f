import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Builds a client's record page: for the record's own routes, and for the triage and consent forms on it, which
/// show it again with their problems beside the fields.
struct ClientRecordView {
    let services: AppServices

    static let noteFields = [FieldView.textArea("body", "New chart note", help: "Dated and signed with your name. Notes cannot be edited; add a new note to correct one.",
                                                limit: .clinical)]

    /// The client's appointments from a month ago on, with what the client may do online.
    private func appointmentRows(_ client: Client, ownView: Bool) async throws -> [ClientRecordPage.AppointmentRow] {
        let now = services.now
        let window = TimeRange(start: now.adding(seconds: -30 * 86_400), end: now.adding(seconds: 400 * 86_400))
        let appointments = try await services.appointments.list(window: window, clientId: client.id, activeOnly: false)
        guard !appointments.isEmpty else { return [] }
        let rules = try await services.scheduling.rules()
        let serviceNames = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let therapistNames = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let zones = Dictionary(try await services.scheduling.allLocations().map { ($0.id, $0.timeZone) }, uniquingKeysWith: { a, _ in a })
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
    private func visitRows(_ notes: [VisitNote]) async throws -> [ClientRecordPage.VisitRow] {
        guard !notes.isEmpty else { return [] }
        let zone = try await services.clinicTime()
        let amended = Set(notes.compactMap { $0.status == .signed ? $0.amends : nil })
        return notes.filter { $0.amends == nil }.reversed().map {
            ClientRecordPage.VisitRow(id: $0.id, when: zone.local($0.createdAt), author: $0.authorName, status: $0.status.rawValue,
                     pain: $0.painNow.map { "pain \($0)/10" }, amended: amended.contains($0.id))
        }
    }

    /// Repeat questionnaires for a client with a sent intake, on their own record.
    private func questionnaireLinks(_ client: Client, ownView: Bool) async throws -> [ClientRecordPage.QuestionnaireLink] {
        guard ownView, try await services.intake.latestSubmitted(clientId: client.id) != nil else { return [] }
        return try await IntakeRules(services: services.clinicServices).repeatQuestionnaires().map { ClientRecordPage.QuestionnaireLink(code: $0.rawValue, name: $0.name) }
    }

    /// The last week of the home-program diary, for staff who see clinical records; nil without a program.
    private func diarySummary(_ access: ClientAccess, ownView: Bool) async throws -> String? {
        guard access.seesClinical, !ownView,
              try await services.homePrograms.current(clientId: access.client.id) != nil else { return nil }
        return try await HomeProgramService(services: services).adherence(clientId: access.client.id, days: 7).summary
    }

    /// Renders a record, writing an audit row for each kind of information shown. With `problems`, the form that was
    /// sent (the chart's own, or `returned` in the intake panel) shows them beside its fields, with what was typed.
    func render(_ context: AppRequestContext, account: Account, access: ClientAccess, problems: [FieldProblem] = [],
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
        let manages = account.role == .owner || account.role == .frontDesk
        let ownView = account.role == .client
        let therapists = manages ? try await services.accounts.therapists() : []
        var chrome = context.chrome(client.fullName)
        chrome.notice = notice
        // Read once for the list and the progress panel; staff who see clinical records only.
        let visitNotes = access.seesClinical && !ownView ? try await services.visitNotes.list(clientId: client.id) : []
        let (intake, intakeViewed) = try await IntakePanel.make(services, access: access, account: account, context: context, returned: returned,
                                                                problems: problems)
        let page = ClientRecordPage(
            chrome: chrome, client: client, dateOfBirth: client.dateOfBirth?.description ?? "not given",
            therapists: try await services.clients.therapists(of: client.id), showsClinical: access.seesClinical, notes: notes,
            canWrite: access.writesClinical, canAssign: manages, canInvite: manages && client.accountId == nil && !client.email.isEmpty,
            assignField: [FieldView.select("therapist", "Assign a therapist", therapists.map { ($0.id, $0.name) })].filled(from: context.form, problems: problems),
            noteFields: Self.noteFields.filled(from: context.form, problems: problems),
            appointments: try await appointmentRows(client, ownView: ownView), ownView: ownView,
            intake: intake,
            homeProgram: try await diarySummary(access, ownView: ownView),
            visits: try await visitRows(visitNotes),
            progress: access.seesClinical && !ownView ? try await ProgressPanel.make(services, clientId: client.id, notes: visitNotes) : nil,
            receipts: ownView ? try await services.billing.receipts(clientId: client.id).map {
                ClientRecordPage.ReceiptLink(id: $0.id, label: "Receipt \($0.number)\($0.isDuplicate ? " (duplicate)" : "")")
            } : [],
            questionnaires: try await questionnaireLinks(client, ownView: ownView))
        // Every row for what the page shows in one commit, before anything of the record is sent.
        try await services.audit.append(viewed + intakeViewed)
        let drawn = ClientRecordLayoutPage(chrome: page.chrome, title: "\(client.firstName) \(client.lastName)", body: ClientRecordHTML.main(page))
        return services.views.page("client", drawn, status: status)
    }
}
