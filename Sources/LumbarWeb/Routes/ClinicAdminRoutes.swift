import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The owner's pages: staff, clinic settings. Every route here requires the owner.
struct ClinicAdminRoutes {
    let services: AppServices

    static let staffFields = [
        FieldView("name", "Name", autocomplete: "off", limit: .name),
        FieldView("email", "Email", type: "email", autocomplete: "off"),
        FieldView.select("role", "Role", [("therapist", "Therapist"), ("front-desk", "Front desk")]),
        FieldView("collegeRegistration", "College registration number", help: "Required for therapists; printed on receipts.", optional: true, limit: .code),
        FieldView("password", "Temporary password", type: "password", help: "At least 12 characters. Share it privately; they can change it.", autocomplete: "new-password"),
    ]

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
        router.get("/") { _, context -> Response in
            let account = try context.signedIn()
            var alerts: [HomePage.Alert] = []
            if account.role == .owner || account.role == .therapist {
                let policy = try await services.policy()
                let zone = try await services.clinicTime()
                for (intake, name) in try await services.intake.needingAction() {
                    let treats = account.role == .therapist ? try await services.clients.treats(therapistId: account.id, clientId: intake.clientId) : false
                    guard policy.canSeeClinical(account.role, .init(treats: treats)) else { continue }
                    alerts.append(HomePage.Alert(clientId: intake.clientId, name: name, urgency: intake.urgency?.rawValue ?? "",
                                        when: intake.submittedAt.map(zone.local) ?? ""))
                }
                if !alerts.isEmpty {
                    try await services.audit(account, context, .view, .intake, client: nil, detail: "intakes needing action, \(alerts.count) shown")
                }
            }
            return services.views.page("home", HomePage(chrome: context.chrome("Start"), clinical: account.role != .frontDesk,
                                                    alerts: alerts, hasAlerts: !alerts.isEmpty))
        }
        router.get("/staff") { _, context -> Response in
            _ = try context.owner()
            return try await staffPage(context, form: FormData(encoded: "role=therapist"), problems: [])
        }
        router.post("/staff") { _, context -> Response in
            let owner = try context.owner()
            let form = context.form
            guard let role = Role(rawValue: form["role"]), role == .therapist || role == .frontDesk else {
                return try await staffPage(context, form: form, problems: [FieldProblem("role", "Choose therapist or front desk.")], status: .unprocessableContent)
            }
            let draft = AccountDraft(email: form["email"], name: form["name"], role: role, collegeRegistration: form["collegeRegistration"], password: form["password"])
            var problems = draft.problems()
            if problems.isEmpty {
                do {
                    let account = try await services.accounts.create(draft, passwordHash: try await services.hasher.hash(draft.password), at: services.now)
                    try await services.audit(owner, context, .create, .account, client: nil, detail: "staff account \(account.id) added")
                    return .seeOther("/staff")
                } catch StorageError.conflict(let message) {
                    problems.append(FieldProblem("email", message))
                }
            }
            return try await staffPage(context, form: form, problems: problems, status: .unprocessableContent)
        }
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

    private func staffPage(_ context: AppRequestContext, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) async throws -> Response {
        let staff = try await services.accounts.staff().map {
            StaffPage.StaffRow(name: $0.name, role: $0.role.label, email: $0.email, registration: $0.collegeRegistration ?? "", twoFactor: $0.totpEnabled ? "on" : "off")
        }
        let page = StaffPage(chrome: context.chrome("Staff"), staff: staff, fields: Self.staffFields.filled(from: form, problems: problems))
        return services.views.page("staff", page, status: status)
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
