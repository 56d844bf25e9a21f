import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones

/// Visit-note templates: the owner keeps the clinic's (and their own), each therapist their own. Listed, added,
/// changed, retired and brought back; a refused save shows the form again with the problem beside the field.
struct NoteTemplateRoutes {
    let services: AppServices
    var templates: NoteTemplateService { NoteTemplateService(services: services) }

    static let textFields = [
        FieldView.textArea("subjective", "Subjective", help: "For example: what to ask about since the last visit.", limit: .clinical),
        FieldView.textArea("objective", "Objective", help: "For example: the palpation and tests you usually record.", limit: .clinical),
        FieldView.textArea("plan", "Plan", help: "For example: frequency, home program, when to reassess.", limit: .clinical),
    ]

    func register(on router: Router<AppRequestContext>) {
        router.get("/note-templates") { _, context -> Response in
            let account = try Self.keeper(context)
            return try await page(context, account: account, editing: nil)
        }
        router.post("/note-templates") { _, context -> Response in
            let account = try Self.keeper(context)
            return try await save(context, account: account, editing: nil)
        }
        router.get("/note-templates/:template") { _, context -> Response in
            let account = try Self.keeper(context)
            let template = try await kept(context, account)
            return try await page(context, account: account, editing: template, filled: Self.form(template))
        }
        router.post("/note-templates/:template") { _, context -> Response in
            let account = try Self.keeper(context)
            return try await save(context, account: account, editing: try await kept(context, account))
        }
        for (action, retired) in [("retire", true), ("restore", false)] {
            router.post("/note-templates/:template/\(action)") { _, context -> Response in
                let account = try Self.keeper(context)
                let template = try await kept(context, account)
                try await templates.retire(id: template.id, by: account, retired: retired)
                try await services.audit(account, context, .change, .account, client: nil, detail: "note template \(retired ? "retired" : "restored")")
                var changed = template
                changed.retiredAt = retired ? services.now : nil
                return try await page(context, account: account, editing: changed, filled: Self.form(changed),
                                      notice: retired ? "Retired “\(template.name)”: notes no longer offer it." : "“\(template.name)” is offered on notes again.")
            }
        }
    }

    /// The owner or a therapist: the people who write or oversee notes.
    static func keeper(_ context: AppRequestContext) throws -> Account {
        let account = try context.staff()
        guard account.role == .owner || account.role == .therapist else { throw PageError.forbidden }
        return account
    }

    /// The template in the path, if this account keeps it.
    private func kept(_ context: AppRequestContext, _ account: Account) async throws -> NoteTemplate {
        do {
            guard let template = try await templates.kept(id: try context.parameters.require("template"), by: account) else { throw PageError.notFound }
            return template
        } catch NoteTemplateService.Failure.notYours {
            throw PageError.notFound
        }
    }

    private func save(_ context: AppRequestContext, account: Account, editing: NoteTemplate?) async throws -> Response {
        let form = context.form
        let techniques = TechniqueFields.read(form)
        let template = NoteTemplate(id: editing?.id ?? "", name: form["name"].trimmed, serviceId: form["service"].nilIfEmpty,
                                    subjective: form["subjective"], objective: form["objective"], plan: form["plan"], techniques: techniques.uses,
                                    updatedAt: services.now)
        do {
            guard techniques.problems.isEmpty else { throw NoteTemplateService.Failure.invalid(techniques.problems + template.problems) }
            let saved = try await templates.save(template, by: account, personal: form["keeper"] == "me")
            try await services.audit(account, context, .change, .account, client: nil, detail: editing == nil ? "note template added" : "note template changed")
            return try await page(context, account: account, editing: nil,
                                  notice: "Saved “\(saved.name)”. It is offered on visit notes\(saved.serviceId == nil ? "" : " for its service").")
        } catch NoteTemplateService.Failure.invalid(let problems) {
            return try await page(context, account: account, editing: editing, filled: form, draft: template, problems: problems, status: .unprocessableContent)
        } catch NoteTemplateService.Failure.notYours {
            throw PageError.forbidden
        }
    }

    /// A stored template as a form, to fill the fields from.
    static func form(_ template: NoteTemplate) -> FormData {
        var pairs = [("name", template.name), ("service", template.serviceId ?? ""), ("keeper", template.ownerId == nil ? "clinic" : "me"),
                     ("subjective", template.subjective), ("objective", template.objective), ("plan", template.plan)]
        for use in template.techniques {
            let prefix = "technique-\(use.technique.rawValue)-"
            pairs += [("technique", use.technique.rawValue), (prefix + "pressure", use.pressure.rawValue), (prefix + "minutes", String(use.minutes))]
            pairs += use.areas.map { (prefix + "areas", $0.rawValue) }
        }
        return FormData(pairs: pairs)
    }

    private func page(_ context: AppRequestContext, account: Account, editing: NoteTemplate?, filled: FormData? = nil, draft: NoteTemplate? = nil,
                      problems: [FieldProblem] = [], notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let zone = try await services.clinicTime()
        let serviceList = try await services.scheduling.allServices()
        let serviceNames = Dictionary(serviceList.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows = try await templates.list(for: account).map { template in
            NoteTemplatesPage.Row(id: template.id, name: template.name, service: template.serviceId.flatMap { serviceNames[$0] } ?? "Any service",
                                  keeper: template.ownerId == nil ? "The clinic" : template.ownerId == account.id ? "You" : "Another therapist",
                                  changed: SpokenTime.day(zone.rules.local(template.updatedAt).date, today: zone.rules.local(services.now).date),
                                  retired: template.retiredAt != nil, canEdit: NoteTemplateService.keeps(account, template))
        }
        let form = filled ?? FormData(pairs: [])
        var fields = [FieldView("name", "Name", help: "Shown in the list on a visit note, e.g. \"Follow-up, low back\".", limit: .short),
                      FieldView.select("service", "For which service", [("", "Any service")] + serviceList.filter { !$0.retired }.map { ($0.id, $0.name) },
                                       help: "A note for this service lists it first.")]
        if account.role == .owner && editing == nil {
            fields.append(FieldView.select("keeper", "Who uses it", [("clinic", "Every therapist in the clinic"), ("me", "Only me")]))
        }
        var chrome = context.chrome("Note templates")
        chrome.notice = notice
        let uses = draft?.techniques ?? editing?.techniques ?? []
        let page = NoteTemplatesPage(
            chrome: chrome, rows: rows, hasRows: !rows.isEmpty, editingId: editing?.id, editingRetired: editing?.retiredAt != nil,
            formTitle: editing.map { "Change \($0.name)" } ?? "Add a template", formAction: editing.map { "/note-templates/\($0.id)" } ?? "/note-templates",
            fields: fields.filled(from: form, problems: problems), textFields: Self.textFields.filled(from: form, problems: problems),
            techniques: TechniqueFields.rows(uses, problems: problems))
        return services.views.page("note_templates", page, status: status)
    }
}
