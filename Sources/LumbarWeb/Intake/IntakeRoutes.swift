import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The client's intake, from a phone or the front-desk tablet: short steps saved as they go, a review, submission
/// with triage, the advice that follows, then consent. Every read and change is audited.
struct IntakeRoutes {
    let services: AppServices
    var intake: IntakeService { IntakeService(services: services) }

    func register(on router: Router<AppRequestContext>) {
        // A signed-in client's way in: continue the draft, or start one (pre-filled for a returning client).
        router.get("/intake") { _, context -> Response in
            let account = try context.signedIn()
            guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
            if let draft = try await intake.intakes.list(clientId: client.id).first(where: { !$0.isSubmitted }) {
                return .seeOther(Self.resume(draft))
            }
            let returning = try await intake.intakes.latestSubmitted(clientId: client.id) != nil
            return services.views.page("intake_start", IntakeStartPage(chrome: context.chrome("Your health intake"), returning: returning))
        }
        router.post("/intake") { _, context -> Response in
            let account = try context.signedIn()
            guard account.role == .client, let client = try await services.clients.find(accountId: account.id) else { throw PageError.notFound }
            if let draft = try await intake.intakes.list(clientId: client.id).first(where: { !$0.isSubmitted }) {
                return .seeOther(Self.resume(draft))
            }
            let draft = try await intake.startDraft(for: client, startedBy: account.id)
            try await services.audit(account, context, .create, .intake, client: client.id, detail: "intake started")
            return .seeOther("/intake/\(draft.id)/step/about")
        }
        router.get("/intake/:id/step/:step") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard !filler.intake.isSubmitted else { return .seeOther("\(filler.base)/result") }
            let form = try await intake.form()
            guard let step = form.step(try context.parameters.require("step")) else { throw PageError.notFound }
            try await intake.audit(filler, context, .view, .intake, detail: "intake step \(step.id)")
            return try await stepPage(filler, form: form, step: step, answers: filler.intake.answers, problems: [], context: context)
        }
        router.post("/intake/:id/step/:step") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard !filler.intake.isSubmitted else { return .seeOther("\(filler.base)/result") }
            let form = try await intake.form()
            guard let step = form.step(try context.parameters.require("step")), let index = form.index(of: step.id) else { throw PageError.notFound }
            let answers = merged(filler.intake.answers, step: step, form: context.form)
            let goingBack = context.form["go"] == "back"
            let problems = goingBack ? [] : form.problems(step, answers, today: try await intake.today())
            let next = goingBack ? form.steps[max(0, index - 1)].id : (index + 1 < form.steps.count ? form.steps[index + 1].id : "review")
            // Saved whether or not it passes, so nothing typed is lost.
            try await intake.intakes.saveDraft(id: filler.intake.id, answers: answers, step: problems.isEmpty ? next : step.id, at: services.now)
            try await intake.audit(filler, context, .change, .intake, detail: "intake step \(step.id) saved")
            guard problems.isEmpty else {
                return try await stepPage(filler, form: form, step: step, answers: answers, problems: problems, context: context, status: .unprocessableContent)
            }
            return .seeOther(next == "review" ? "\(filler.base)/review" : "\(filler.base)/step/\(next)")
        }
        // The page script posts each change here, so closing the tab mid-step loses nothing.
        router.post("/intake/:id/autosave/:step") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard !filler.intake.isSubmitted else { return Response(status: .conflict) }
            guard let step = try await intake.form().step(try context.parameters.require("step")) else { throw PageError.notFound }
            let answers = merged(filler.intake.answers, step: step, form: context.form)
            if answers != filler.intake.answers {
                try await intake.intakes.saveDraft(id: filler.intake.id, answers: answers, step: step.id, at: services.now)
                try await intake.audit(filler, context, .change, .intake, detail: "intake step \(step.id) autosaved")
            }
            return Response(status: .noContent)
        }
        router.get("/intake/:id/review") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard !filler.intake.isSubmitted else { return .seeOther("\(filler.base)/result") }
            try await intake.audit(filler, context, .view, .intake, detail: "intake review")
            return try await reviewPage(filler, context: context)
        }
        router.post("/intake/:id/submit") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard !filler.intake.isSubmitted else { return .seeOther("\(filler.base)/result") }
            let form = try await intake.form()
            if let step = form.firstIncomplete(filler.intake.answers, today: try await intake.today()) {
                return .seeOther("\(filler.base)/step/\(step.id)")
            }
            _ = try await intake.submit(filler, context)
            return .seeOther("\(filler.base)/result")
        }
        router.get("/intake/:id/result") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            guard filler.intake.isSubmitted, let urgency = filler.intake.urgency else { return .seeOther("\(filler.base)/review") }
            try await intake.audit(filler, context, .view, .intake, detail: "intake triage advice")
            let advice = TriageAdvice(urgency: urgency, tell: try await intake.form().tellList(filler.intake.answers),
                                      cleared: try await intake.intakes.isCleared(intakeId: filler.intake.id))
            let status = ConsentStatus(try await intake.consents.list(clientId: filler.client.id), intakeId: filler.intake.id, appointmentId: nil)
            let page = IntakeResultPage(chrome: context.chrome(advice.title), base: filler.base, urgency: urgency.rawValue, title: advice.title,
                                  lead: advice.lead, tell: advice.tell, alarm: urgency >= .urgent, emergency: urgency == .emergency, canConsent: !advice.bookingBlocked,
                                  consentGiven: status.isGiven(.treatment), kiosk: filler.isKiosk)
            return services.views.page("intake_result", page)
        }
        // The tablet hands back to the front desk: its token ends here.
        router.post("/intake/:id/finish") { request, context -> Response in
            let filler = try await intake.filler(request, context)
            if let hash = filler.kioskHash { try await intake.intakes.endKiosk(tokenHash: hash, at: services.now) }
            var response = Response.seeOther(filler.isKiosk ? "/intake/thanks" : "/me")
            response.setCookie(SessionMiddleware.cookie(IntakeService.kioskCookie, "", secure: false, maxAge: 0))
            return response
        }
        router.get("/intake/thanks") { _, context -> Response in
            return services.views.page("intake_thanks", IntakeThanksPage(chrome: context.chrome("Thank you")))
        }
    }

    /// Where a client picks up a draft: the step they reached, or the review once every step was passed.
    static func resume(_ draft: Intake) -> String {
        draft.step == "review" ? "/intake/\(draft.id)/review" : "/intake/\(draft.id)/step/\(draft.step)"
    }

    /// The draft with this step's posted answers in place of the old ones (an unticked box posts nothing).
    func merged(_ answers: IntakeAnswers, step: IntakeStep, form: FormData) -> IntakeAnswers {
        var updated = answers
        for question in step.questions {
            if case .multiChoice = question.kind { updated.set(question.id, form.all(question.id)) } else { updated.set(question.id, [form[question.id]]) }
        }
        return updated
    }

    private func stepPage(_ filler: IntakeService.Filler, form: IntakeForm, step: IntakeStep, answers: IntakeAnswers, problems: [FieldProblem],
                          context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
        let index = form.index(of: step.id) ?? 0
        let hasHistory = !(try await intake.intakes.histories(clientId: filler.client.id)).isEmpty
        let returning = step.id == "history" && hasHistory
        let page = IntakeStepPage(
            chrome: context.chrome(step.title), base: filler.base, stepId: step.id, title: step.title, intro: step.intro,
            number: index + 1, count: form.steps.count + 1,
            questions: step.questions.map { QuestionView($0, answers: answers, problems: problems) },
            problems: problems.map { problem in
                IntakeStepPage.Problem(id: problem.field, prompt: step.questions.first { $0.id == problem.field }?.prompt ?? "", message: problem.message)
            }, hasProblems: !problems.isEmpty,
            backStep: index > 0 ? form.steps[index - 1].id : nil, returning: returning)
        return services.views.page("intake_step", page, status: status)
    }

    private func reviewPage(_ filler: IntakeService.Filler, context: AppRequestContext) async throws -> Response {
        let form = try await intake.form()
        let answers = filler.intake.answers
        let sections = form.steps.map { step in
            IntakeReviewPage.Section(title: step.title, link: "\(filler.base)/step/\(step.id)", rows: step.questions.compactMap { question in
                let spoken = QuestionView.spoken(question, answers)
                return question.required || spoken != "not answered" ? IntakeReviewPage.Row(prompt: question.prompt, answer: spoken) : nil
            })
        }
        let incomplete = form.firstIncomplete(answers, today: try await intake.today()).map { "\(filler.base)/step/\($0.id)" }
        let page = IntakeReviewPage(chrome: context.chrome("Check your answers"), base: filler.base, sections: sections,
                              incomplete: incomplete, count: form.steps.count + 1)
        return services.views.page("intake_review", page)
    }
}
