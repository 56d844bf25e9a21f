import Foundation
import LumbarClinic
import LumbarCore

/// Visit notes over the API: the same who-may-see-and-write rules, the same checks before signing and the same audit
/// rows as the visit-note pages (VisitRoutes); a draft is saved whole, a signed note is changed only by amendment.
extension APIHandler {
    static let noNote = error("No such visit note for this client.")

    enum ClinicalRefusal: Error { case notFound, forbidden(Components.Schemas.ErrorBody) }

    /// The client, if the caller sees (or, for `write`, writes) their clinical record; otherwise why not.
    func clinical(_ caller: APICaller, _ clientId: String, write: Bool) async throws -> Result<ClientAccess, ClinicalRefusal> {
        guard let access = try? await services.clientAccess(caller.account, clientId) else { return .failure(.notFound) }
        guard write ? access.writesClinical : access.seesClinical else {
            return .failure(.forbidden(Self.error(write ? "Your role may not write visit notes for this client." : "Your role may not read clinical notes.")))
        }
        return .success(access)
    }

    private func note(_ id: String, of access: ClientAccess) async throws -> VisitNote? {
        guard let note = try await services.visitNotes.find(id: id), note.clientId == access.client.id else { return nil }
        return note
    }

    func listVisitNotes(_ input: Operations.ListVisitNotes.Input) async throws -> Operations.ListVisitNotes.Output {
        let caller = try caller()
        switch try await clinical(caller, input.path.clientId, write: false) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let access):
            let notes = try await services.visitNotes.list(clientId: access.client.id)
            let activities = try await VisitNoteService(services: services).activities(clientId: access.client.id)
            try await audit(caller, .view, .clinical, client: access.client.id, detail: "API visit notes")
            return .ok(.init(body: .json(.init(notes: notes.map { Self.visitNote($0, activities: activities) }))))
        }
    }

    func startVisitNote(_ input: Operations.StartVisitNote.Input) async throws -> Operations.StartVisitNote.Output {
        let caller = try caller()
        let access: ClientAccess
        switch try await clinical(caller, input.path.clientId, write: true) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let found): access = found
        }
        var start = Components.Schemas.VisitNoteStart()
        if case .json(let body) = input.body { start = body }
        var template: NoteTemplate?
        if let id = start.templateId {
            template = try await NoteTemplateService(services: services).offered(to: caller.account, serviceId: nil).first { $0.id == id }
            // A template for one service is offered once the note's visit is known; look among all the caller may use.
            if template == nil { template = try await NoteTemplateService(services: services).list(for: caller.account).first { $0.id == id && $0.retiredAt == nil } }
            guard template != nil else {
                return .unprocessableContent(.init(body: .json(Self.unprocessable([FieldProblem("templateId", "is not a template you may use")]))))
            }
        }
        var draft = try await VisitNoteService.startToday(services, clientId: access.client.id, author: caller.account)
        try await audit(caller, .create, .clinical, client: access.client.id, detail: "visit note started (API)")
        let parts = Set((start.copyFromLast ?? []).compactMap { CopyForward.Part(rawValue: $0.rawValue) })
        if !parts.isEmpty, let last = CopyForward.source(for: draft, in: try await services.visitNotes.list(clientId: access.client.id)) {
            draft = CopyForward.apply(parts, from: last, to: draft)
        }
        if let template { draft = template.filling(draft) }
        if !parts.isEmpty || template != nil {
            try await services.visitNotes.saveDraft(draft, at: services.now)
        }
        let saved = try await services.visitNotes.find(id: draft.id) ?? draft
        let activities = try await VisitNoteService(services: services).activities(clientId: access.client.id)
        return .created(.init(body: .json(Self.visitNote(saved, activities: activities))))
    }

    func getVisitNote(_ input: Operations.GetVisitNote.Input) async throws -> Operations.GetVisitNote.Output {
        let caller = try caller()
        switch try await clinical(caller, input.path.clientId, write: false) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let access):
            guard let note = try await note(input.path.noteId, of: access) else { return .notFound(.init(body: .json(Self.noNote))) }
            try await audit(caller, .view, .clinical, client: access.client.id, detail: "API visit note")
            return .ok(.init(body: .json(Self.visitNote(note, activities: try await VisitNoteService(services: services).activities(clientId: access.client.id)))))
        }
    }

    func saveVisitNote(_ input: Operations.SaveVisitNote.Input) async throws -> Operations.SaveVisitNote.Output {
        let caller = try caller()
        let access: ClientAccess
        switch try await clinical(caller, input.path.clientId, write: true) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let found): access = found
        }
        guard let stored = try await note(input.path.noteId, of: access) else { return .notFound(.init(body: .json(Self.noNote))) }
        guard stored.status == .draft else { return .conflict(.init(body: .json(Self.error("This note is signed; start an amendment to change it.")))) }
        guard stored.authorId == caller.account.id else { return .forbidden(.init(body: .json(Self.error("Only the note's author changes a draft.")))) }
        guard case .json(let body) = input.body else { return .badRequest(.init(body: .json(Self.error("Send JSON.")))) }
        let (note, problems) = Self.read(body, into: stored)
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems)))) }
        try await services.visitNotes.saveDraft(note, at: services.now)
        try await audit(caller, .change, .clinical, client: access.client.id, detail: "visit note draft saved (API)")
        let saved = try await services.visitNotes.find(id: note.id) ?? note
        return .ok(.init(body: .json(Self.visitNote(saved, activities: try await VisitNoteService(services: services).activities(clientId: access.client.id)))))
    }

    func signVisitNote(_ input: Operations.SignVisitNote.Input) async throws -> Operations.SignVisitNote.Output {
        let caller = try caller()
        let access: ClientAccess
        switch try await clinical(caller, input.path.clientId, write: true) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let found): access = found
        }
        guard let note = try await note(input.path.noteId, of: access) else { return .notFound(.init(body: .json(Self.noNote))) }
        guard note.status == .draft else { return .conflict(.init(body: .json(Self.error("This note is already signed.")))) }
        guard note.authorId == caller.account.id else { return .forbidden(.init(body: .json(Self.error("Only the note's author signs it.")))) }
        let visits = VisitNoteService(services: services)
        let problems = try await visits.signingProblems(note)
        guard problems.isEmpty else { return .unprocessableContent(.init(body: .json(Self.unprocessable(problems.map(Self.jsonField))))) }
        do {
            try await visits.sign(note, by: caller.account, address: caller.address)
        } catch StorageError.conflict {
            return .conflict(.init(body: .json(Self.error("This note is already signed."))))
        }
        let signed = try await services.visitNotes.find(id: note.id) ?? note
        return .ok(.init(body: .json(Self.visitNote(signed, activities: try await visits.activities(clientId: access.client.id)))))
    }

    func amendVisitNote(_ input: Operations.AmendVisitNote.Input) async throws -> Operations.AmendVisitNote.Output {
        let caller = try caller()
        let access: ClientAccess
        switch try await clinical(caller, input.path.clientId, write: true) {
        case .failure(.notFound): return .notFound(.init(body: .json(Self.notFound)))
        case .failure(.forbidden(let body)): return .forbidden(.init(body: .json(body)))
        case .success(let found): access = found
        }
        guard let original = try await note(input.path.noteId, of: access) else { return .notFound(.init(body: .json(Self.noNote))) }
        guard original.status == .signed else { return .conflict(.init(body: .json(Self.error("A draft is saved, not amended.")))) }
        let visits = VisitNoteService(services: services)
        let draft = try await visits.amend(original, by: caller.account)
        try await audit(caller, .create, .clinical, client: access.client.id, detail: "visit note amendment started (API)")
        return .created(.init(body: .json(Self.visitNote(draft, activities: try await visits.activities(clientId: access.client.id)))))
    }

    /// The page's field names for signing problems, as the JSON body names them.
    static func jsonField(_ problem: FieldProblem) -> FieldProblem {
        let field = problem.field.hasPrefix("technique-") ? "techniques" : problem.field
        return FieldProblem(field, problem.message)
    }

    /// A body over a stored draft; each problem names its JSON field.
    static func read(_ body: Components.Schemas.VisitNoteInput, into stored: VisitNote) -> (VisitNote, [FieldProblem]) {
        var note = stored
        var problems: [FieldProblem] = []
        // The generated types check kinds and codes; numbers' ranges are checked here.
        if let pain = body.painNow, !(0...10).contains(pain) { problems.append(FieldProblem("painNow", "must be 0 to 10")) }
        for (index, mark) in body.bodyChart.enumerated() where !(1...10).contains(mark.strength) {
            problems.append(FieldProblem("bodyChart.\(index).strength", "must be 1 to 10"))
        }
        for (index, use) in body.techniques.enumerated() where !(1...180).contains(use.minutes) {
            problems.append(FieldProblem("techniques.\(index).minutes", "must be 1 to 180"))
        }
        for (index, item) in body.psfs.enumerated() {
            if !(0..<5).contains(item.activity) { problems.append(FieldProblem("psfs.\(index).activity", "must be 0 to 4")) }
            if !(0...10).contains(item.rating) { problems.append(FieldProblem("psfs.\(index).rating", "must be 0 to 10")) }
        }
        guard problems.isEmpty else { return (stored, problems) }
        note.painNow = body.painNow
        note.subjective = body.subjective
        note.objective = body.objective
        note.rangeOfMotion = body.rangeOfMotion
        note.tests = body.tests
        note.plan = body.plan
        note.amendReason = stored.amends == nil ? nil : (body.amendReason ?? "")
        if stored.amends == nil, body.amendReason != nil { problems.append(FieldProblem("amendReason", "is only for an amendment's draft")) }
        note.findings = Set(body.findings.compactMap { Finding(rawValue: $0.rawValue) })
        var seen: Set<String> = []
        for (index, mark) in body.bodyChart.enumerated() where !seen.insert("\(mark.region.rawValue)|\(mark.kind.rawValue)").inserted {
            problems.append(FieldProblem("bodyChart.\(index)", "marks that region with that kind twice"))
        }
        note.bodyChart = BodyChart(body.bodyChart.compactMap { mark in
            guard let region = BodyRegion(rawValue: mark.region.rawValue), let kind = BodyChart.Kind(rawValue: mark.kind.rawValue) else { return nil }
            return .init(region: region, kind: kind, intensity: mark.strength)
        })
        let uses = techniques(body.techniques)
        if Set(uses.map(\.technique)).count != uses.count { problems.append(FieldProblem("techniques", "names a technique twice")) }
        note.techniques = uses
        note.glutealVerbalConsent = body.glutealVerbalConsent
        var ratings = [Int?](repeating: nil, count: 5)
        for (index, item) in body.psfs.enumerated() {
            if ratings[item.activity] != nil { problems.append(FieldProblem("psfs.\(index).activity", "is rated twice")) }
            ratings[item.activity] = item.rating
        }
        while ratings.last == .some(nil) { ratings.removeLast() }
        note.psfs = ratings
        problems += note.lengthProblems
        return (note, problems)
    }

    static func techniques(_ uses: [Components.Schemas.TechniqueUse]) -> [VisitNote.TechniqueUse] {
        uses.compactMap { use in
            guard let technique = Technique(rawValue: use.technique.rawValue), let pressure = PressurePreference(rawValue: use.pressure.rawValue) else { return nil }
            return .init(technique: technique, areas: use.areas.compactMap { BodyRegion(rawValue: $0.rawValue) }, pressure: pressure, minutes: use.minutes)
        }
    }

    static func techniques(_ uses: [VisitNote.TechniqueUse]) -> [Components.Schemas.TechniqueUse] {
        uses.compactMap { use in
            guard let technique = Components.Schemas.TechniqueUse.TechniquePayload(rawValue: use.technique.rawValue),
                  let pressure = Components.Schemas.TechniqueUse.PressurePayload(rawValue: use.pressure.rawValue) else { return nil }
            return .init(technique: technique, areas: use.areas.compactMap { Components.Schemas.BodyRegion(rawValue: $0.rawValue) }, pressure: pressure,
                         minutes: use.minutes)
        }
    }

    static func date(_ instant: Instant) -> Date { Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000) }

    static func visitNote(_ note: VisitNote, activities: [String]) -> Components.Schemas.VisitNote {
        let psfs: [Components.Schemas.PsfsRating] = note.psfs.enumerated().compactMap { index, rating in
            rating.map { .init(activity: index, name: index < activities.count ? activities[index] : nil, rating: $0) }
        }
        return .init(
            id: note.id, clientId: note.clientId, appointmentId: note.appointmentId, authorId: note.authorId, authorName: note.authorName,
            status: note.status == .signed ? .signed : .draft, homeProgram: note.homeProgram,
            urgency: note.urgency.flatMap { .init(rawValue: $0.rawValue) }, createdAt: date(note.createdAt), updatedAt: date(note.updatedAt),
            signedAt: note.signedAt.map(date), amends: note.amends, painNow: note.painNow, subjective: note.subjective, psfs: psfs,
            findings: note.findings.sorted { $0.rawValue < $1.rawValue }.compactMap { Components.Schemas.VisitFinding(rawValue: $0.rawValue) },
            objective: note.objective, rangeOfMotion: note.rangeOfMotion, tests: note.tests,
            bodyChart: note.bodyChart.marks.compactMap { mark in
                guard let region = Components.Schemas.BodyRegion(rawValue: mark.region.rawValue),
                      let kind = Components.Schemas.BodyMark.KindPayload(rawValue: mark.kind.rawValue) else { return nil }
                return .init(region: region, kind: kind, strength: mark.intensity)
            },
            techniques: techniques(note.techniques), glutealVerbalConsent: note.glutealVerbalConsent, plan: note.plan, amendReason: note.amendReason)
    }
}
