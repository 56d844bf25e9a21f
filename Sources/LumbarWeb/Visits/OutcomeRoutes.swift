import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// Outcome charts, and the referral letter to a physician: printable, and recorded in the chart when written.
struct OutcomeRoutes {
    let services: AppServices

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/outcomes/:file") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            let panel = try await ProgressPanel.make(services, clientId: access.client.id)
            let file = try context.parameters.require("file")
            let disability = panel.disability.first { "\($0.instrument.rawValue).svg" == file }
            guard file == "pain.svg" || file == "function.svg" || disability != nil else { throw PageError.notFound }
            try await services.audit(account, context, .view, .clinical, client: access.client.id, detail: "outcome chart")
            if let disability {
                return Response.svg(OutcomeChart.svg(disability, title: "\(disability.instrument.name): lower is better"))
            }
            return file == "pain.svg"
                ? Response.svg(OutcomeChart.svg(panel.pain, title: "Pain (NPRS 0-10): lower is better"))
                : Response.svg(OutcomeChart.svg(panel.function, title: "Function (PSFS mean 0-10): higher is better"))
        }
        router.get("/clients/:id/referral-letter") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let panel = try await ProgressPanel.make(services, clientId: access.client.id)
            return try await letter(context, account: account, client: access.client, recipient: "", reason: panel.prompt ?? "", problems: [], printable: false)
        }
        router.post("/clients/:id/referral-letter") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let recipient = context.form["recipient"].trimmed, reason = context.form["reason"].trimmed
            var problems: [FieldProblem] = []
            if recipient.isEmpty { problems.append(FieldProblem("recipient", "Name the physician or clinic the letter is for.")) }
            if reason.isEmpty { problems.append(FieldProblem("reason", "Give the reason for the referral.")) }
            problems += FieldLimit.problems([("recipient", recipient, .short), ("reason", reason, .long)])
            guard let intake = try await services.intake.latestSubmitted(clientId: access.client.id) else {
                throw PageError.badForm("A referral letter summarises the intake; this client has not sent one yet.")
            }
            guard problems.isEmpty else {
                return try await letter(context, account: account, client: access.client, recipient: recipient, reason: reason, problems: problems,
                                        printable: false, status: .unprocessableContent)
            }
            _ = try await services.intake.addAction(ReferralAction(
                intakeId: intake.id, clientId: access.client.id, kind: .referred, recipient: recipient, detail: "Referral letter: \(reason)",
                recordedBy: account.id, at: services.now))
            try await services.audit(account, context, .print, .clinical, client: access.client.id, detail: "referral letter")
            return try await letter(context, account: account, client: access.client, recipient: recipient, reason: reason, problems: [], printable: true)
        }
    }


    private func letter(_ context: AppRequestContext, account: Account, client: Client, recipient: String, reason: String, problems: [FieldProblem],
                        printable: Bool, status: HTTPResponse.Status = .ok) async throws -> Response {
        let profile = try await services.clinic.profile()
        let zone = FoundationZone(identifier: profile?.timeZone ?? "UTC") ?? FoundationZone(identifier: "UTC")!
        let intake = try await services.intake.latestSubmitted(clientId: client.id)
        var history: [String] = []
        if let intake, let json = intake.inputJSON, case .success(let input) = AssessmentInputDecoder.decode(Array(json.utf8)) {
            history.append("Low back pain since \(input.painStartedOn.spoken) (\(input.onset.rawValue) onset), pain \(input.painNow)/10 at intake.")
            history.append("Leg symptoms: \(input.legPain.rawValue.replacingOccurrences(of: "-", with: " ")), \(input.legSides.rawValue) side(s).")
            let told = try await IntakeService(services: services).form().tellList(intake.answers)
            if !told.isEmpty { history.append("Reported: " + told.joined(separator: "; ") + ".") }
        }
        let notes = try await services.visitNotes.list(clientId: client.id).filter { $0.status == .signed }
        var findings: [String] = []
        if let latest = notes.last {
            if !latest.findings.isEmpty { findings.append("Findings: " + FindingWords.list(Finding.allCases.filter(latest.findings.contains)) + ".") }
            let marks = latest.bodyChart.marks.map { "\($0.region.label): \($0.kind.label.lowercased()) \($0.intensity)/10" }
            if !marks.isEmpty { findings.append("Body chart: " + marks.joined(separator: "; ") + ".") }
            if !latest.rangeOfMotion.isEmpty { findings.append("Range of motion: \(latest.rangeOfMotion)") }
            if !latest.tests.isEmpty { findings.append("Tests: \(latest.tests)") }
        }
        let treatment = notes.filter { $0.amends == nil }.map { note in
            "\(zone.local(note.createdAt).date.spoken): " + (note.techniques.isEmpty ? "assessment only" : note.techniques.map { "\($0.technique.name.lowercased()) \($0.minutes) min" }.joined(separator: ", "))
        }
        let panel = try await ProgressPanel.make(services, clientId: client.id)
        var outcomes: [String] = []
        for series in [panel.pain, panel.function] where !series.points.isEmpty {
            let name = series.instrument == .nprs ? "Pain (NPRS, 0-10)" : "Function (PSFS, 0-10)"
            outcomes.append("\(name): \(series.instrument.scoreText(series.points.first!.score)) → \(series.instrument.scoreText(series.points.last!.score)) over \(series.points.count) measures"
                            + (series.meaningfullyImproved ? ", a meaningful improvement." : ", not a meaningful improvement."))
        }
        let page = ReferralLetterPage(
            chrome: context.chrome("Referral letter"), client: client, clinicName: profile?.name ?? "",
            clinicAddress: profile?.address ?? "", date: zone.local(services.now).date.spoken, recipient: recipient, reason: reason,
            therapist: account.name, registration: account.collegeRegistration ?? "",
            history: history.map(ReferralLetterPage.Line.init), findings: findings.map(ReferralLetterPage.Line.init), treatment: treatment.map(ReferralLetterPage.Line.init),
            outcomes: outcomes.map(ReferralLetterPage.Line.init), recipientError: problems.first { $0.field == "recipient" }?.message,
            reasonError: problems.first { $0.field == "reason" }?.message, printable: printable)
        return services.views.page(printable ? "referral_letter" : "referral_form", page, status: status)
    }
}
