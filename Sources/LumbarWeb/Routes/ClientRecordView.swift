import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Builds a client's chart page, one section under the header: for the record's own routes, and for the triage,
/// consent and chart-note forms on it, which show it again with their problems beside the fields. Clients never see
/// this page (their own record is the portal, /me).
struct ClientRecordView {
    let services: AppServices

    static let noteFields = [FieldView.textArea("body", "New chart note", help: "Dated and signed with your name. Notes cannot be edited; add a new note to correct one.",
                                                limit: .clinical)]

    /// The client's appointments from a month ago on.
    private func appointmentRows(_ client: Client) async throws -> [ClientRecordPage.AppointmentRow] {
        let now = services.now
        let window = TimeRange(start: now.adding(seconds: -30 * 86_400), end: now.adding(seconds: 400 * 86_400))
        let appointments = try await services.appointments.list(window: window, clientId: client.id, activeOnly: false)
        guard !appointments.isEmpty else { return [] }
        let serviceNames = Dictionary(try await services.scheduling.allServices().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let therapistNames = Dictionary(try await services.accounts.therapists().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let zones = Dictionary(try await services.scheduling.allLocations().map { ($0.id, $0.timeZone) }, uniquingKeysWith: { a, _ in a })
        return appointments.map { appointment in
            let zone = FoundationZone(identifier: zones[appointment.locationId] ?? "UTC") ?? FoundationZone(identifier: "UTC")!
            return ClientRecordPage.AppointmentRow(
                id: appointment.id, when: BookingService.spoken(appointment.start, zone), service: serviceNames[appointment.serviceId] ?? "Appointment",
                therapist: therapistNames[appointment.therapistId] ?? "a therapist", status: appointment.status.rawValue)
        }
    }

    /// Original visit notes, newest first, each marked if amended, with its findings in words.
    private func visitRows(_ notes: [VisitNote], zone: ZonedTime) -> [ClientRecordPage.VisitRow] {
        let amended = Set(notes.compactMap { $0.status == .signed ? $0.amends : nil })
        return notes.filter { $0.amends == nil }.reversed().map {
            ClientRecordPage.VisitRow(id: $0.id, when: zone.spoken($0.createdAt), author: $0.authorName, status: $0.status.rawValue,
                                      pain: $0.painNow.map { "pain \($0)/10" },
                                      findings: $0.findings.isEmpty ? nil : FindingWords.list(Finding.allCases.filter($0.findings.contains)).lowercased(),
                                      amended: amended.contains($0.id))
        }
    }

    /// Each outcome measured so far: the latest score, and the first for comparison.
    private static func outcomeLines(_ progress: ProgressPanel) -> [ClientRecordPage.OutcomeLine] {
        let named = [("Pain (NPRS)", progress.pain), ("Function (PSFS)", progress.function)]
            + progress.disability.map { ($0.instrument == .odi ? "Disability (ODI)" : "Disability (RMDQ)", $0) }
        return named.compactMap { name, series in
            guard let last = series.points.last, let first = series.points.first else { return nil }
            // Short, as the header's facts are: the latest, where it started, and whether the change counts.
            var text = "\(series.instrument.scoreWithScale(last.score)) on \(SpokenTime.shortDay(last.day))"
            if series.points.count > 1, first.day == last.day {
                text += " (\(series.points.count) scores that day)"
            } else if series.points.count > 1 {
                text += " (first \(series.instrument.scoreWithScale(first.score)) on \(SpokenTime.shortDay(first.day)), \(series.points.count) scores)"
                text += series.meaningfullyImproved ? " · meaningfully better" : " · not yet meaningfully better"
            }
            return ClientRecordPage.OutcomeLine(name: name, text: text)
        }
    }

    /// Renders one section of the chart, writing an audit row for each kind of information shown. With `problems`, the
    /// form that was sent (the chart's own, or `returned` in the intake panel) shows them beside its fields, with what
    /// was typed. Staff who may not see clinical records get the overview or billing whatever they ask for.
    func render(_ context: AppRequestContext, account: Account, access: ClientAccess, section asked: ClientRecordPage.Section = .overview,
                problems: [FieldProblem] = [], returned: IntakePanel.Returned? = nil, status: HTTPResponse.Status = .ok,
                notice: String? = nil) async throws -> Response {
        let client = access.client
        let clinical = access.seesClinical
        let section = clinical || !asked.isClinical ? asked : .overview
        let zone = try await services.clinicTime()
        var viewed = [services.auditEntry(account, context, .view, .contact, client: client.id)]
        // Read once, for the header's facts, the progress review and the Visits list.
        let visitNotes = clinical ? try await services.visitNotes.outlines(clientId: client.id) : []
        let summary = try await ChartSummaryService(services: services).summary(clientId: client.id, clinical: clinical, notes: visitNotes)
        let progress = clinical ? try await ProgressPanel.make(services, clientId: client.id, notes: visitNotes) : nil

        var intake = IntakePanel()
        var bookingPaused: Bool
        if section == .overview {
            let (panel, intakeViewed) = try await IntakePanel.make(services, access: access, account: account, context: context, returned: returned,
                                                                    problems: problems)
            intake = panel
            bookingPaused = panel.bookingPaused
            viewed += intakeViewed
        } else {
            bookingPaused = try await IntakeService(services: services).bookingBlock(clientId: client.id) != nil
        }
        if clinical {
            viewed.append(services.auditEntry(account, context, .view, .clinical, client: client.id, detail: "chart summary: \(section.rawValue)"))
            if section != .overview, summary.intake == .sent {
                viewed.append(services.auditEntry(account, context, .view, .intake, client: client.id, detail: "triage on chart header"))
                viewed.append(services.auditEntry(account, context, .view, .consent, client: client.id, detail: "consent status"))
            }
        }

        var notes: [ClientRecordPage.NoteRow] = []
        if section == .visits {
            notes = try await services.chartNotes.list(clientId: client.id).map {
                ClientRecordPage.NoteRow(id: $0.id, createdAt: zone.spoken($0.createdAt), authorName: $0.authorName, body: $0.body, amends: $0.amends, reason: $0.reason)
            }
            viewed.append(services.auditEntry(account, context, .view, .clinical, client: client.id, detail: "chart notes"))
        }
        var diary: String?
        if section == .program, try await services.homePrograms.current(clientId: client.id) != nil {
            diary = try await HomeProgramService(services: services).adherence(clientId: client.id, days: 7).summary
            viewed.append(services.auditEntry(account, context, .view, .selfCare, client: client.id, detail: "home program diary"))
        }
        var documentCount: Int?
        var recentDocuments: [ClientRecordPage.DocumentLine] = []
        if section == .documents {
            let kept = try await DocumentService(documents: services.documents, clock: services.clock).list(clientId: client.id)
            documentCount = kept.count
            recentDocuments = kept.filter { !$0.isWithdrawn }.sorted { ($0.addedAt, $0.id) > ($1.addedAt, $1.id) }.prefix(5).map {
                .init(id: $0.id, name: $0.description?.nilIfEmpty ?? $0.fileName,
                      detail: "\($0.type.label), added by \($0.addedByName), \(zone.spoken($0.addedAt))")
            }
            viewed.append(services.auditEntry(account, context, .view, .record, client: client.id, detail: "documents list"))
        }
        var appointments: [ClientRecordPage.AppointmentRow] = []
        if section == .billing {
            appointments = try await appointmentRows(client)
            viewed.append(services.auditEntry(account, context, .view, .appointment, client: client.id, detail: "appointments"))
        }

        let next = summary.nextAppointment
        let header = ChartHeader.make(summary, clientId: client.id, zone: zone, now: services.now, clinical: clinical,
                                      nextService: try await next.asyncMap { try await services.scheduling.service(id: $0.serviceId)?.name } ?? nil,
                                      nextTherapist: try await next.asyncMap { try await services.accounts.find(id: $0.therapistId)?.name } ?? nil,
                                      referralPrompt: progress?.prompt, bookingPaused: bookingPaused)
        let manages = account.role == .owner || account.role == .frontDesk
        let therapists = manages && section == .overview ? try await services.accounts.therapists() : []
        var chrome = context.chrome(client.fullName)
        chrome.notice = notice
        let page = ClientRecordPage(
            chrome: chrome, client: client, section: section, header: header, missingConsents: summary.missingConsents, plan: summary.plan, dateOfBirth: client.dateOfBirth?.spoken ?? "not given",
            therapists: try await services.clients.therapists(of: client.id), showsClinical: clinical, canWrite: access.writesClinical,
            canAssign: manages, canInvite: manages && client.accountId == nil && !client.email.isEmpty,
            assignField: [FieldView.select("therapist", "Assign a therapist", therapists.map { ($0.id, $0.name) })].filled(from: context.form, problems: problems),
            intake: intake, notes: notes, noteFields: Self.noteFields.filled(from: context.form, problems: problems),
            visits: section == .visits ? visitRows(visitNotes, zone: zone) : [], homeProgram: diary,
            progress: section == .outcomes ? progress : nil, outcomes: section == .outcomes ? progress.map(Self.outcomeLines) ?? [] : [],
            appointments: appointments, documentCount: documentCount, recentDocuments: recentDocuments,
            resumeDraft: visitNotes.filter { $0.status == .draft && $0.authorId == account.id && $0.amends == nil }
                .max { ($0.createdAt, $0.id) < ($1.createdAt, $1.id) }
                .map { ClientRecordPage.DraftLink(id: $0.id, started: zone.spoken($0.createdAt)) })
        // Every row for what the page shows in one commit, before anything of the record is sent.
        try await services.audit.append(viewed)
        let drawn = ClientRecordLayoutPage(chrome: page.chrome, title: "\(client.firstName) \(client.lastName)", body: ClientRecordHTML.main(page))
        return services.views.page("client", drawn, status: status)
    }
}
