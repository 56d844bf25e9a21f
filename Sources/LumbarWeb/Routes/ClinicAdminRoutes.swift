import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The owner's pages: clinic settings (staff are in StaffRoutes). Every route here requires the owner.
struct ClinicAdminRoutes {
    let services: AppServices

    static let settingsFields = [
        FieldView.select("acuteWeeks", "An episode stops being acute after",
                         [("4", "4 weeks (American College of Physicians)"), ("6", "6 weeks (research convention)")]),
    ]

    static let ruleFields = RuleBook.switchable.map { ClinicAdminRoutes.ruleField($0) }

    /// A switch for a rule whose fact is unconfirmed, with where it comes from beside it; named `rule-CODE`.
    static func ruleField(_ rule: ClinicalRule) -> FieldView {
        FieldView.select("rule-" + rule.code, rule.switchLabel ?? rule.code, [("on", "On (the default)"), ("off", "Off")],
                         help: "Source: \(rule.source). No guideline confirms this warning sign yet, so the clinic decides; it stays on until you switch it off.")
    }

    /// The settings form as stored, for showing it again.
    static func settingsForm(_ clinic: ClinicProfile) -> FormData {
        FormData(encoded: (["acuteWeeks=\(clinic.acuteWeeks)"] + RuleBook.switchable.map {
            "rule-\($0.code)=\(clinic.rulesOff.contains($0.code) ? "off" : "on")"
        }).joined(separator: "&"))
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/settings") { _, context -> Response in
            _ = try context.owner()
            guard let clinic = try await services.clinic.profile() else { throw PageError.notFound }
            return try await settingsPage(context, clinic: clinic, form: Self.settingsForm(clinic))
        }
        router.post("/settings") { _, context -> Response in
            let owner = try context.owner()
            guard var clinic = try await services.clinic.profile() else { throw PageError.notFound }
            let form = context.form
            var problems: [FieldProblem] = []
            let weeks = Int(form["acuteWeeks"]) ?? 0
            if weeks != 4 && weeks != 6 { problems.append(FieldProblem("acuteWeeks", "Choose 4 or 6 weeks.")) }
            // A rule's switch left out of the form keeps its setting: only an explicit "off" silences a warning sign.
            var rulesOff = clinic.rulesOff
            for rule in RuleBook.switchable where form.has("rule-" + rule.code) {
                switch form["rule-" + rule.code] {
                case "on": rulesOff.remove(rule.code)
                case "off": rulesOff.insert(rule.code)
                default: problems.append(FieldProblem("rule-" + rule.code, "Choose on or off."))
                }
            }
            guard problems.isEmpty else {
                return try await settingsPage(context, clinic: clinic, form: form, problems: problems, status: .unprocessableContent)
            }
            clinic.sharedCare = form.checkbox("sharedCare")
            clinic.acuteWeeks = weeks
            clinic.rulesOff = rulesOff
            try await services.clinic.update(sharedCare: clinic.sharedCare, acuteWeeks: weeks, rulesOff: rulesOff)
            let rules = RuleBook.switchable.map { "\($0.code) rule \(rulesOff.contains($0.code) ? "off" : "on")" }
            try await services.audit(owner, context, .change, .account, client: nil,
                                     detail: (["clinic settings: shared care \(clinic.sharedCare ? "on" : "off")", "acute \(weeks) weeks"] + rules).joined(separator: ", "))
            return try await settingsPage(context, clinic: clinic, form: Self.settingsForm(clinic), notice: "Settings saved.")
        }
    }

    private func settingsPage(_ context: AppRequestContext, clinic: ClinicProfile, form: FormData, problems: [FieldProblem] = [],
                              status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        var chrome = context.chrome("Settings")
        chrome.notice = notice
        let page = ClinicSettingsPage(chrome: chrome, clinic: clinic, fields: Self.settingsFields.filled(from: form, problems: problems),
                                ruleFields: Self.ruleFields.filled(from: form, problems: problems))
        return services.views.page("settings", page, status: status)
    }
}
