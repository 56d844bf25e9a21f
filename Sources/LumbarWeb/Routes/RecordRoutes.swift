import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The whole record: printable on paper for staff and for the client, a download of the client's own record,
/// and the owner's retention report (records past their keeping date, for review; nothing is destroyed).
struct RecordRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/record") { _, context -> Response in
            let account = try context.staff()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.seesClinical else { throw PageError.forbidden }
            try await services.audit(account, context, .print, .record, client: access.client.id, detail: "whole record, printable")
            return try await page(access.client, context: context)
        }
        router.get("/me/record") { _, context -> Response in
            let (account, client) = try await me(context)
            try await services.audit(account, context, .print, .record, client: client.id, detail: "own record, printable")
            return try await page(client, context: context)
        }
        router.get("/me/record.json") { _, context -> Response in
            let (account, client) = try await me(context)
            try await services.audit(account, context, .export, .record, client: client.id, detail: "own record, download")
            let sections = try await Self.sections(services, client: client)
            var json = JSONWriter()
            json.beginObject()
            json.field("client", client.fullName)
            json.field("exportedAt", services.now.iso8601)
            json.key("sections")
            json.objects(sections) { json, section in
                json.field("title", section.title)
                json.key("entries")
                json.objects(section.entries) { json, entry in
                    json.field("heading", entry.heading)
                    json.key("lines")
                    json.beginArray()
                    for line in entry.lines { json.value(line) }
                    json.endArray()
                }
            }
            json.endObject()
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8", .contentDisposition: "attachment; filename=\"my-record.json\"",
                                                   .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: json.string)))
        }
        router.get("/clients/:id/record.fhir.json") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            try await services.audit(account, context, .export, .record, client: access.client.id, detail: "whole record, FHIR R4 bundle")
            return Self.download(try await FHIRBundle(services: services).json(for: access.client), name: "record.fhir.json")
        }
        router.get("/me/record.fhir.json") { _, context -> Response in
            let (account, client) = try await me(context)
            try await services.audit(account, context, .export, .record, client: client.id, detail: "own record, FHIR R4 bundle")
            return Self.download(try await FHIRBundle(services: services).json(for: client), name: "my-record.fhir.json")
        }
        router.get("/records/retention") { _, context -> Response in
            let owner = try context.owner()
            let zone = try await services.clinicTime().rules
            let today = zone.local(services.now).date
            let rows = try await services.clients.lastVisits().compactMap { entry -> RetentionPage.Row? in
                let last = zone.local(entry.lastVisit ?? entry.registered).date
                let until = Retention.keepUntil(lastVisit: last, dateOfBirth: entry.client.dateOfBirth)
                guard until <= today else { return nil }
                return .init(id: entry.client.id, name: entry.client.fullName, lastVisit: entry.lastVisit == nil ? "never visited (registered \(last))" : last.description,
                             keepUntil: until.description)
            }
            try await services.audit(owner, context, .view, .record, client: nil, detail: "retention report, \(rows.count) past their date")
            return services.views.page("retention", RetentionPage(chrome: context.chrome("Records past retention"),
                                                                  rows: rows, today: today.description))
        }
    }

    static func download(_ json: String, name: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/fhir+json; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                                        .cacheControl: "no-store"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    private func me(_ context: AppRequestContext) async throws -> (Account, Client) {
        let account = try context.signedIn()
        guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
        return (account, client)
    }

    private func page(_ client: Client, context: AppRequestContext) async throws -> Response {
        let profile = try await services.clinic.profile()
        let zone = ZonedTime(identifier: profile?.timeZone ?? "UTC")
        // Back to where the reader came from: a client's own pages, or the chart.
        let back = context.account?.role == .client ? "/me" : "/clients/\(client.id)"
        let page = PrintableRecordPage(chrome: context.chrome("Record"), client: client, clinicName: profile?.name ?? "",
                              printed: zone.spoken(services.now), sections: try await Self.sections(services, client: client), backLink: back)
        return services.views.page("record", page)
    }

    /// Every part of the record, oldest first within each part, in words.
    static func sections(_ services: AppServices, client: Client) async throws -> [PrintableRecordPage.Section] {
        let zone = try await services.clinicTime()
        let form = try await IntakeService(services: services).form()
        var sections: [PrintableRecordPage.Section] = []
        sections.append(PrintableRecordPage.Section(title: "Identity and contact", entries: [.init(heading: client.fullName, lines: [
            "Date of birth: \(client.dateOfBirth?.spoken ?? "not given")", "Email: \(client.email)", "Phone: \(client.phone)",
            "Emergency contact: \(client.emergencyContact)"])]))
        let intakes = try await services.intake.list(clientId: client.id).filter(\.isSubmitted).reversed()
        sections.append(PrintableRecordPage.Section(title: "Intakes and triage", entries: try await intakes.asyncMap { intake in
            var lines = form.steps.flatMap { step in step.questions.compactMap { question -> String? in
                let answer = QuestionView.spoken(question, intake.answers)
                return answer == "not answered" ? nil : "\(question.prompt) \(answer)"
            } }
            lines.append("Assessment: referral \(intake.urgency.map { $0 == .none ? "not needed" : $0.rawValue } ?? "not assessed"); treatment: \(TriageWords.decision(intake.decision))")
            lines += try await services.intake.actions(intakeId: intake.id).map {
                "\(zone.spoken($0.at)) \($0.kind.label)\($0.recipient.isEmpty ? "" : ": \($0.recipient)") \($0.detail) (\($0.recordedByName))"
            }
            return .init(heading: "Intake sent \(intake.submittedAt.map(zone.spoken) ?? "")", lines: lines)
        }))
        sections.append(PrintableRecordPage.Section(title: "Consents", entries: try await services.consents.list(clientId: client.id).map {
            .init(heading: "\(zone.spoken($0.at)): \($0.withdraws == nil ? $0.kind.label : "Withdrawal of \($0.kind.label.lowercased())")",
                  lines: ["Signed by \($0.signerName) (\($0.signature.rawValue)), wording version \($0.textVersion)"])
        }))
        sections.append(PrintableRecordPage.Section(title: "Treatment plans", entries: try await services.treatmentPlans.versions(clientId: client.id).reversed().map { plan in
            .init(heading: "Version \(plan.version), \(zone.spoken(plan.createdAt))", lines: [
                "Goals: " + plan.goals.joined(separator: "; "), "Techniques: " + plan.techniques.filter(\.chosen).map(\.technique.name).joined(separator: ", "),
                "Areas: " + plan.areas.map(\.label).joined(separator: ", "), "\(plan.visits) visits, \(plan.frequency), reassess on \(plan.reassessOn.spoken)"])
        }))
        sections.append(PrintableRecordPage.Section(title: "Visit notes", entries: try await services.visitNotes.list(clientId: client.id).filter { $0.status == .signed }.map { note in
            .init(heading: "\(zone.spoken(note.createdAt)), \(note.authorName)\(note.amends != nil ? " (amendment: \(note.amendReason ?? ""))" : "")", lines: [
                "Pain \(note.painNow.map(String.init) ?? "-")/10. \(note.subjective)", "Findings: " + FindingWords.list(Finding.allCases.filter(note.findings.contains)),
                note.objective, "Body chart: " + note.bodyChart.marks.map { "\($0.region.label) \($0.kind.label.lowercased()) \($0.intensity)" }.joined(separator: "; "),
                "Treatment: " + note.techniques.map { "\($0.technique.name) \($0.minutes) min" }.joined(separator: ", "), "Plan: \(note.plan)",
                "Signed \(note.signedAt.map(zone.spoken) ?? "")"].filter { !$0.isEmpty })
        }))
        if let program = try await services.homePrograms.current(clientId: client.id) {
            sections.append(PrintableRecordPage.Section(title: "Home program", entries: [.init(heading: "Version \(program.version), \(zone.spoken(program.createdAt))",
                                                                           lines: program.items.compactMap { item in item.exercise.map { "\($0.name): \(item.dose.text)" } })]))
        }
        let window = TimeRange(start: Instant(milliseconds: 0), end: services.now.adding(seconds: 800 * 86_400))
        sections.append(PrintableRecordPage.Section(title: "Appointments", entries: [.init(heading: "All", lines: try await services.appointments.list(window: window, clientId: client.id, activeOnly: false).map {
            "\(zone.spoken($0.start)): \(Self.statusWords($0.status))"
        })]))
        sections.append(PrintableRecordPage.Section(title: "Receipts", entries: [.init(heading: "Issued", lines: try await services.billing.receipts(clientId: client.id).map {
            "Receipt \($0.number), \(zone.spoken($0.issuedAt))\($0.isDuplicate ? ", duplicate" : "")"
        })]))
        sections += try await documentsSection(services, client: client, zone: zone)
        return sections
    }

    /// An appointment's status as the record says it to the client and anyone it is sent to.
    static func statusWords(_ status: Appointment.Status) -> String {
        switch status {
        case .booked: "booked"
        case .arrived: "arrived"
        case .completed: "attended"
        case .noShow: "missed (no-show)"
        case .cancelled: "cancelled"
        case .lateCancelled: "cancelled late"
        }
    }
}
