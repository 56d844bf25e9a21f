import LumbarClinic
import LumbarCore

/// Visit-note templates over the API, kept by the same rules as the page: the owner keeps the clinic's and their
/// own, a therapist their own; no one else keeps any.
extension APIHandler {
    static let noTemplate = error("No such template, or not one you keep.")
    static let keepersOnly = error("Only the owner and therapists keep note templates.")

    private func keeper() throws -> APICaller? {
        let caller = try caller()
        return caller.account.role == .owner || caller.account.role == .therapist ? caller : nil
    }

    func listNoteTemplates(_ input: Operations.ListNoteTemplates.Input) async throws -> Operations.ListNoteTemplates.Output {
        guard let caller = try keeper() else { return .forbidden(.init(body: .json(Self.keepersOnly))) }
        let templates = try await NoteTemplateService(services: services).list(for: caller.account)
        return .ok(.init(body: .json(.init(templates: templates.map(Self.template)))))
    }

    func createNoteTemplate(_ input: Operations.CreateNoteTemplate.Input) async throws -> Operations.CreateNoteTemplate.Output {
        guard let caller = try keeper() else { return .forbidden(.init(body: .json(Self.keepersOnly))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        switch try await saveTemplate(body, id: "", caller: caller) {
        case .success(let saved): return .created(.init(body: .json(Self.template(saved))))
        case .failure(let list): return .unprocessableContent(.init(body: .json(Self.unprocessable(list.problems))))
        }
    }

    func updateNoteTemplate(_ input: Operations.UpdateNoteTemplate.Input) async throws -> Operations.UpdateNoteTemplate.Output {
        guard let caller = try keeper() else { return .forbidden(.init(body: .json(Self.keepersOnly))) }
        guard try await keptTemplate(input.path.templateId, caller) != nil else { return .notFound(.init(body: .json(Self.noTemplate))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        if body.personal != nil {
            return .unprocessableContent(.init(body: .json(Self.unprocessable([FieldProblem("personal", "is chosen when a template is added")]))))
        }
        switch try await saveTemplate(body, id: input.path.templateId, caller: caller) {
        case .success(let saved): return .ok(.init(body: .json(Self.template(saved))))
        case .failure(let list): return .unprocessableContent(.init(body: .json(Self.unprocessable(list.problems))))
        }
    }

    func retireNoteTemplate(_ input: Operations.RetireNoteTemplate.Input) async throws -> Operations.RetireNoteTemplate.Output {
        guard let caller = try keeper() else { return .forbidden(.init(body: .json(Self.keepersOnly))) }
        guard let template = try await setTemplate(input.path.templateId, retired: true, caller) else { return .notFound(.init(body: .json(Self.noTemplate))) }
        return .ok(.init(body: .json(template)))
    }

    func restoreNoteTemplate(_ input: Operations.RestoreNoteTemplate.Input) async throws -> Operations.RestoreNoteTemplate.Output {
        guard let caller = try keeper() else { return .forbidden(.init(body: .json(Self.keepersOnly))) }
        guard let template = try await setTemplate(input.path.templateId, retired: false, caller) else { return .notFound(.init(body: .json(Self.noTemplate))) }
        return .ok(.init(body: .json(template)))
    }

    private func keptTemplate(_ id: String, _ caller: APICaller) async throws -> NoteTemplate? {
        try? await NoteTemplateService(services: services).kept(id: id, by: caller.account)
    }

    private func setTemplate(_ id: String, retired: Bool, _ caller: APICaller) async throws -> Components.Schemas.NoteTemplate? {
        guard try await keptTemplate(id, caller) != nil else { return nil }
        try await NoteTemplateService(services: services).retire(id: id, by: caller.account, retired: retired)
        try await audit(caller, .change, .account, client: nil, detail: "note template \(retired ? "retired" : "restored") (API)")
        return try await keptTemplate(id, caller).map(Self.template)
    }

    /// Kept through the use case, its problems named by JSON field.
    private func saveTemplate(_ body: Components.Schemas.NoteTemplateInput, id: String, caller: APICaller) async throws -> Result<NoteTemplate, ProblemList> {
        var problems: [FieldProblem] = []
        for (index, use) in body.techniques.enumerated() where !(1...180).contains(use.minutes) {
            problems.append(FieldProblem("techniques.\(index).minutes", "must be 1 to 180"))
        }
        let uses = Self.techniques(body.techniques)
        if Set(uses.map(\.technique)).count != uses.count { problems.append(FieldProblem("techniques", "names a technique twice")) }
        if let service = body.serviceId, try await services.scheduling.allServices().first(where: { $0.id == service }) == nil {
            problems.append(FieldProblem("serviceId", "is not one of the clinic's services"))
        }
        guard problems.isEmpty else { return .failure(ProblemList(problems: problems)) }
        let template = NoteTemplate(id: id, name: body.name.trimmed, serviceId: body.serviceId, subjective: body.subjective, objective: body.objective,
                                    plan: body.plan, techniques: uses, updatedAt: services.now)
        do {
            let saved = try await NoteTemplateService(services: services).save(template, by: caller.account, personal: body.personal ?? false)
            try await audit(caller, .change, .account, client: nil, detail: id.isEmpty ? "note template added (API)" : "note template changed (API)")
            return .success(saved)
        } catch NoteTemplateService.Failure.invalid(let problems) {
            return .failure(ProblemList(problems: problems.map(Self.jsonField)))
        }
    }

    struct ProblemList: Error { let problems: [FieldProblem] }

    static func template(_ template: NoteTemplate) -> Components.Schemas.NoteTemplate {
        .init(id: template.id, name: template.name, serviceId: template.serviceId, subjective: template.subjective, objective: template.objective,
              plan: template.plan, techniques: techniques(template.techniques), clinicWide: template.ownerId == nil, updatedAt: date(template.updatedAt),
              retired: template.retiredAt != nil)
    }
}
