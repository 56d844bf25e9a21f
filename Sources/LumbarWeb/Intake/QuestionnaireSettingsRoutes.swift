import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The owner's questionnaire settings: which optional screens the intake asks, and loading a licensed definition
/// file (checked against its scoring's shape before it is used).
struct QuestionnaireSettingsRoutes {
    let services: AppServices
    var repository: any QuestionnaireRepository { services.questionnaires }

    func register(on router: Router<AppRequestContext>) {
        router.get("/settings/questionnaires") { _, context -> Response in
            _ = try context.owner()
            return try await page(context, notice: nil)
        }
        router.post("/settings/questionnaires/screens") { _, context -> Response in
            let owner = try context.owner()
            let screens = Instrument.optionalAtIntake.filter { context.form.all("screen").contains($0.rawValue) }
            try await services.clinic.setIntakeScreens(screens)
            try await services.audit(owner, context, .change, .account, client: nil,
                                     detail: "intake screens: \(screens.isEmpty ? "none" : screens.map(\.rawValue).joined(separator: ", "))")
            return try await page(context, notice: "Saved. New intakes will ask what you chose.")
        }
        router.post("/settings/questionnaires/load") { _, context -> Response in
            let owner = try context.owner()
            switch QuestionnaireDefinition.parse(context.form["definition"]) {
            case .failure(let refusal):
                return try await page(context, notice: nil, problems: refusal.problems, status: .unprocessableContent)
            case .success(let definition):
                try await repository.load(definition, by: owner.id, at: services.now)
                try await services.audit(owner, context, .change, .account, client: nil,
                                         detail: "questionnaire definition loaded: \(definition.instrument.rawValue) \(definition.version)")
                return try await page(context, notice: "Loaded \(definition.title), version \(definition.version).")
            }
        }
        router.get("/settings/questionnaires/:instrument/definition.json") { _, context -> Response in
            _ = try context.owner()
            guard let instrument = Instrument(rawValue: try context.parameters.require("instrument")) else { throw PageError.notFound }
            let definition = try await repository.loaded()[instrument] ?? QuestionnaireLibrary.shipped[instrument]!
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8",
                                                   .contentDisposition: "attachment; filename=\"\(instrument.rawValue).json\""],
                            body: .init(byteBuffer: ByteBuffer(string: definition.json)))
        }
    }

    private func page(_ context: AppRequestContext, notice: String?, problems: [String] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let loaded = try await repository.loaded()
        let screens = try await services.clinic.intakeScreens()
        let rows = Instrument.allCases.map { instrument in
            let definition = loaded[instrument] ?? QuestionnaireLibrary.shipped[instrument]!
            return QuestionnaireSettingsPage.Row(code: instrument.rawValue, name: instrument.name, title: definition.title, version: definition.version, demo: definition.demo,
                            loaded: loaded[instrument] != nil, optional: Instrument.optionalAtIntake.contains(instrument), asked: screens.contains(instrument))
        }
        var chrome = context.chrome("Questionnaires")
        chrome.notice = notice
        return services.views.page("questionnaires", QuestionnaireSettingsPage(chrome: chrome, rows: rows, definition: problems.isEmpty ? "" : context.form["definition"],
                                                          problems: problems, hasProblems: !problems.isEmpty), status: status)
    }
}
