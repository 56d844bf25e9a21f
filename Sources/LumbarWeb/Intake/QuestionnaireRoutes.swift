import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Repeat outcome questionnaires (RMDQ, ODI) a client fills between visits when the clinic uses them, so
/// disability can be charted over time beside pain and function.
struct QuestionnaireRoutes {
    let services: AppServices

    /// The repeatable measures this clinic uses.
    func offered() async throws -> [Instrument] {
        try await IntakeRules(services: services.clinicServices).repeatQuestionnaires()
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/me/questionnaires/:instrument") { _, context -> Response in
            let (account, client, definition) = try await resolve(context)
            try await services.audit(account, context, .view, .intake, client: client.id, detail: "\(definition.instrument.rawValue) questionnaire")
            return try await page(context, definition: definition, form: FormData(), problems: [])
        }
        router.post("/me/questionnaires/:instrument") { _, context -> Response in
            let (account, client, definition) = try await resolve(context)
            let step = IntakeCatalogue.questionnaire(definition)
            var answers = IntakeAnswers()
            for question in step.questions { answers.set(question.id, [context.form[question.id]]) }
            let problems = step.questions.compactMap { question in question.problem(in: answers, today: LocalDate(year: 2100, month: 1, day: 1)!).map { FieldProblem(question.id, $0) } }
            let chosen = definition.items.enumerated().map { definition.option(item: $0.offset, value: answers["q.\(definition.instrument.rawValue).\($0.element.id)"])?.score }
            guard problems.isEmpty, let score = definition.instrument.score(chosen) else {
                return try await page(context, definition: definition, form: context.form, problems: problems, status: .unprocessableContent)
            }
            let response = QuestionnaireResponse(
                clientId: client.id, intakeId: nil, instrument: definition.instrument, definitionVersion: definition.version,
                answers: definition.items.map { ($0.id, answers["q.\(definition.instrument.rawValue).\($0.id)"]) }, score: score, at: services.now)
            try await services.questionnaires.record(response, recordedBy: account.id)
            try await services.audit(account, context, .create, .intake, client: client.id, detail: "\(definition.instrument.rawValue) questionnaire answered")
            return .seeOther("/me?questionnaire=1")
        }
    }

    private func resolve(_ context: AppRequestContext) async throws -> (Account, Client, QuestionnaireDefinition) {
        let account = try context.signedIn()
        guard account.role == .client, let client = try await services.clients.find(accountId: account.id),
              let instrument = Instrument(rawValue: try context.parameters.require("instrument")), try await offered().contains(instrument) else { throw PageError.notFound }
        let definition = try await services.questionnaires.loaded()[instrument] ?? QuestionnaireLibrary.shipped[instrument]!
        return (account, client, definition)
    }

    private func page(_ context: AppRequestContext, definition: QuestionnaireDefinition, form: FormData, problems: [FieldProblem],
                      status: HTTPResponse.Status = .ok) async throws -> Response {
        let step = IntakeCatalogue.questionnaire(definition)
        var answers = IntakeAnswers()
        for question in step.questions { answers.set(question.id, [form[question.id]]) }
        let page = QuestionnairePage(chrome: context.chrome(definition.title),
                        instrument: definition.instrument.rawValue, title: definition.title, intro: step.intro,
                        questions: step.questions.map { QuestionView($0, answers: answers, problems: problems) }, hasProblems: !problems.isEmpty)
        return services.views.page("questionnaire", page, status: status)
    }
}
