import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The clinic's side of an intake: the full answers and health history versions, what was done about the triage
/// (referral, outcome, clearance), and handing a tablet to a client at the front desk.
struct TriageRoutes {
    let services: AppServices
    var intake: IntakeService { IntakeService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/intakes/:intake") { _, context -> Response in
            // Staff only: a client reads their own answers in their printable record and download.
            let account = try context.staff()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.seesClinical, let record = try await intake.intakes.find(id: try context.parameters.require("intake")),
                  record.clientId == access.client.id, record.isSubmitted else { throw PageError.notFound }
            let form = try await intake.form()
            let zone = try await services.clinicTime()
            // What the client answered; an optional question left blank is not listed (the count of them is).
            let rows = { (questions: [IntakeQuestion], answers: IntakeAnswers) in
                questions.compactMap { question -> IntakeDetailPage.Row? in
                    let answer = QuestionView.spoken(question, answers)
                    return question.required || !answers.all(question.id).isEmpty ? IntakeDetailPage.Row(prompt: question.prompt, answer: answer) : nil
                }
            }
            let historyQuestions = form.step("history")?.questions.filter { IntakeForm.historyIds.contains($0.id) } ?? []
            let names = Dictionary(uniqueKeysWithValues: Instrument.allCases.map { ($0.rawValue, $0.name) })
            let page = IntakeDetailPage(
                chrome: context.chrome("Intake: \(access.client.fullName)"),
                client: access.client, submitted: record.submittedAt.map(zone.spoken) ?? "",
                sections: form.steps.map { IntakeDetailPage.Section(title: $0.title, rows: rows($0.questions, record.answers)) },
                versions: try await intake.intakes.histories(clientId: access.client.id).map { IntakeDetailPage.Version(when: zone.spoken($0.at), rows: rows(historyQuestions, $0.answers)) },
                scores: try await intake.questionnaires.responses(clientId: access.client.id).filter { $0.intakeId == record.id }.map {
                    IntakeDetailPage.Score(name: names[$0.instrument.rawValue] ?? $0.instrument.rawValue, score: $0.instrument.scoreText($0.score), version: $0.definitionVersion)
                })
            try await services.audit(account, context, .view, .intake, client: access.client.id, detail: "full intake and health history")
            return services.views.page("intake_detail", page)
        }
        router.post("/clients/:id/intakes/:intake/actions") { _, context -> Response in
            let account = try context.signedIn()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            guard access.writesClinical, let record = try await intake.intakes.find(id: try context.parameters.require("intake")),
                  record.clientId == access.client.id, record.isSubmitted else { throw PageError.notFound }
            let form = context.form
            let returned = { (problems: [FieldProblem]) in
                try await ClientRecordView(services: services).render(context, account: account, access: access, problems: problems,
                                                                      returned: .action, status: .unprocessableContent)
            }
            guard let kind = ReferralAction.Kind(rawValue: form["kind"]) else {
                return try await returned([FieldProblem("kind", "Choose what you are recording.")])
            }
            let action = ReferralAction(intakeId: record.id, clientId: access.client.id, kind: kind, recipient: form["recipient"].trimmed,
                                        detail: form["detail"].trimmed, recordedBy: account.id, at: services.now)
            guard action.problems.isEmpty else { return try await returned(action.problems) }
            _ = try await intake.intakes.addAction(action)
            try await services.audit(account, context, .create, .intake, client: access.client.id, detail: "triage follow-up: \(kind.rawValue)")
            return .seeOther("/clients/\(access.client.id)#triage-heading")
        }
        // Front desk hands a tablet to the client: their own session ends, so the client sees only this intake.
        router.post("/clients/:id/intake/tablet") { _, context -> Response in
            let account = try context.staff()
            let access = try await services.clientAccess(account, try context.parameters.require("id"))
            let existing = try await intake.intakes.list(clientId: access.client.id).first { !$0.isSubmitted }
            let draft: Intake
            if let existing { draft = existing } else { draft = try await intake.startDraft(for: access.client, startedBy: account.id) }
            let token = Secrets.token()
            try await intake.intakes.startKiosk(tokenHash: Secrets.hash(token), intakeId: draft.id, createdBy: account.id,
                                                expires: services.now.adding(seconds: 2 * 3600), at: services.now)
            try await services.audit(account, context, .create, .intake, client: access.client.id, detail: "intake handed to the client on a tablet")
            if let session = context.session { try await services.sessions.delete(tokenHash: session.tokenHash) }
            var response = Response.seeOther("/intake/\(draft.id)/step/about")
            response.setCookie(SessionMiddleware.cookie(SessionMiddleware.sessionCookie, "", secure: false, maxAge: 0))
            response.setCookie(SessionMiddleware.cookie(IntakeService.kioskCookie, token, secure: services.configuration.publicURL.hasPrefix("https"), maxAge: 2 * 3600))
            return response
        }
    }
}
