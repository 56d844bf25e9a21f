import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// The owner's pages: clinic settings (staff are in StaffRoutes). Every route here requires the owner.
struct ClinicAdminRoutes {
    let services: AppServices
    var documents: DocumentService { DocumentService(documents: services.documents, clock: services.clock) }

    static let settingsFields = [
        FieldView.select("acuteWeeks", "An episode stops being acute after",
                         [("4", "4 weeks (American College of Physicians)"), ("6", "6 weeks (research convention)")]),
        FieldView("documentLimit", "Largest file that can be attached to a client's record, in MB", type: "number",
                  help: "From 1 to \(DocumentSize.maximumMegabytes). 10 MB holds a long scanned report; every file is kept in the backups."),
    ]

    static let ruleFields = RuleBook.switchable.map { ClinicAdminRoutes.ruleField($0) }

    /// A switch for a rule whose fact is unconfirmed, with where it comes from beside it; named `rule-CODE`.
    static func ruleField(_ rule: ClinicalRule) -> FieldView {
        FieldView.select("rule-" + rule.code, rule.switchLabel ?? rule.code, [("on", "On (the default)"), ("off", "Off")],
                         help: "Source: \(rule.source). No guideline confirms this warning sign yet, so the clinic decides; it stays on until you switch it off.")
    }

    /// The settings form as stored, for showing it again.
    static func settingsForm(_ clinic: ClinicProfile, documentLimit: Int) -> FormData {
        FormData(encoded: (["acuteWeeks=\(clinic.acuteWeeks)", "documentLimit=\(documentLimit)"] + RuleBook.switchable.map {
            "rule-\($0.code)=\(clinic.rulesOff.contains($0.code) ? "off" : "on")"
        }).joined(separator: "&"))
    }

    /// The clinic's details as stored, in the set-up form's field names.
    static func detailsForm(_ clinic: ClinicProfile) -> FormData {
        FormData(encoded: [("clinicName", clinic.name), ("address", clinic.address), ("timeZone", clinic.timeZone), ("hstNumber", clinic.hstNumber ?? "")]
            .map { "\($0.0)=\(CalendarQuery.encoded($0.1))" }.joined(separator: "&"))
    }

    func register(on router: Router<AppRequestContext>) {
        router.get("/settings/clinic") { _, context -> Response in
            _ = try context.owner()
            guard let clinic = try await services.clinic.profile() else { throw PageError.notFound }
            return detailsPage(context, form: Self.detailsForm(clinic), problems: [])
        }
        router.post("/settings/clinic") { _, context -> Response in
            let owner = try context.owner()
            guard var clinic = try await services.clinic.profile() else { throw PageError.notFound }
            let form = context.form
            clinic.name = form["clinicName"].trimmed
            clinic.address = form["address"].trimmed
            clinic.timeZone = form["timeZone"].trimmed
            clinic.hstNumber = form["hstNumber"].trimmed.isEmpty ? nil : form["hstNumber"].trimmed
            let problems = clinic.problems(isTimeZone: ZoneList.isKnown)
            guard problems.isEmpty else { return detailsPage(context, form: form, problems: problems, status: .unprocessableContent) }
            try await services.clinic.updateDetails(name: clinic.name, address: clinic.address, timeZone: clinic.timeZone, hstNumber: clinic.hstNumber)
            try await services.audit(owner, context, .change, .account, client: nil, detail: "clinic details changed")
            return .seeOther("/settings?saved=clinic")
        }
        router.get("/settings") { request, context -> Response in
            _ = try context.owner()
            guard let clinic = try await services.clinic.profile() else { throw PageError.notFound }
            let saved = FormData(encoded: request.uri.query ?? "")["saved"] == "clinic"
            return try await settingsPage(context, clinic: clinic, form: Self.settingsForm(clinic, documentLimit: try await documents.sizeLimitMegabytes()),
                                          notice: saved ? "Clinic details saved. Receipts show them from now on, reprints of earlier ones too." : nil)
        }
        router.post("/settings") { _, context -> Response in
            let owner = try context.owner()
            guard var clinic = try await services.clinic.profile() else { throw PageError.notFound }
            let form = context.form
            var problems: [FieldProblem] = []
            let weeks = Int(form["acuteWeeks"]) ?? 0
            if weeks != 4 && weeks != 6 { problems.append(FieldProblem("acuteWeeks", "Choose 4 or 6 weeks.")) }
            // Left out of the form (an older page), the limit stays as it was.
            let documentLimit = form.has("documentLimit") ? Int(form["documentLimit"].trimmed) ?? 0 : try await documents.sizeLimitMegabytes()
            if !(1...DocumentSize.maximumMegabytes).contains(documentLimit) {
                problems.append(FieldProblem("documentLimit", "Enter a whole number of megabytes from 1 to \(DocumentSize.maximumMegabytes)."))
            }
            // A rule's switch left out of the form keeps its setting: only an explicit "off" silences a warning sign.
            var rulesOff = clinic.rulesOff
            for rule in RuleBook.switchable where form.has("rule-" + rule.code) {
                switch form["rule-" + rule.code] {
                case "on": rulesOff.remove(rule.code)
                case "off": rulesOff.insert(rule.code)
                default: problems.append(FieldProblem("rule-" + rule.code, "Choose on or off."))
                }
            }
            // Shown again as sent, shared care included, so a refusal elsewhere loses nothing.
            clinic.sharedCare = form.checkbox("sharedCare")
            guard problems.isEmpty else {
                return try await settingsPage(context, clinic: clinic, form: form, problems: problems, status: .unprocessableContent)
            }
            clinic.acuteWeeks = weeks
            clinic.rulesOff = rulesOff
            try await services.clinic.update(sharedCare: clinic.sharedCare, acuteWeeks: weeks, rulesOff: rulesOff)
            _ = try await documents.setSizeLimit(megabytes: documentLimit)
            let rules = RuleBook.switchable.map { "\($0.code) rule \(rulesOff.contains($0.code) ? "off" : "on")" }
            try await services.audit(owner, context, .change, .account, client: nil,
                                     detail: (["clinic settings: shared care \(clinic.sharedCare ? "on" : "off")", "acute \(weeks) weeks", "documents up to \(documentLimit) MB"] + rules).joined(separator: ", "))
            return try await settingsPage(context, clinic: clinic, form: Self.settingsForm(clinic, documentLimit: documentLimit), notice: "Settings saved.")
        }
    }

    private func detailsPage(_ context: AppRequestContext, form: FormData, problems: [FieldProblem], status: HTTPResponse.Status = .ok) -> Response {
        let page = ClinicDetailsPage(chrome: context.chrome("Clinic details"), fields: SetupRoutes.clinicFields.filled(from: form, problems: problems))
        return services.views.page("settings_clinic", page, status: status)
    }

    private func settingsPage(_ context: AppRequestContext, clinic: ClinicProfile, form: FormData, problems: [FieldProblem] = [],
                              status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        var chrome = context.chrome("Settings")
        chrome.notice = notice
        let page = ClinicSettingsPage(chrome: chrome, clinic: clinic, fields: Self.settingsFields.filled(from: form, problems: problems),
                                ruleFields: Self.ruleFields.filled(from: form, problems: problems),
                                zoneName: SchedulingAdminRoutes.zoneName(clinic.timeZone))
        return services.views.page("settings", page, status: status)
    }
}
