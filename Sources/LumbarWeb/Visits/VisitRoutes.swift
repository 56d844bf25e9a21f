import Foundation
import HTTPTypes
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

/// SOAP visit notes on the chart: start, save as you type, sign (which runs the engine on today's findings and
/// fixes the note), and amend (a new note that keeps the original). The body chart is marked per region.
struct VisitRoutes {
    let services: AppServices
    var notes: any VisitNoteRepository { services.visitNotes }
    var visits: VisitNoteService { VisitNoteService(services: services) }

    /// Findings a therapist records at a visit: palpation, and signs that would change today's plan.
    static let visitFindings: [Finding] = tissueFindings + warningFindings
    /// What hands and eyes find in the tissue.
    static let tissueFindings: [Finding] = [.fascialRestriction, .triggerPoints, .referredPain, .muscleKnots, .muscleImbalance, .hypertonicity,
                                            .stiffness, .acuteInflammation, .skinLesionLowBack]
    /// Nerve signs and warning signs: the note shows them apart, since ticking one can change today's advice.
    static let warningFindings: [Finding] = [.legNumbness, .legTingling, .legWeakness, .legWeaknessProgressive, .reducedSensation, .saddleNumbness,
                                             .bladderDysfunction, .fever, .dvtSuspected]

    func register(on router: Router<AppRequestContext>) {
        router.post("/clients/:id/visits") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let draft = try await VisitNoteService.startToday(services, clientId: access.client.id, author: account)
            try await services.audit(account, context, .create, .clinical, client: access.client.id, detail: "visit note started")
            return .seeOther("/clients/\(access.client.id)/visits/\(draft.id)")
        }
        router.get("/clients/:id/visits/:note") { request, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            let note = try await own(context, access)
            try await services.audit(account, context, .view, .clinical, client: access.client.id, detail: "visit note")
            var notice: String?
            if let said = request.uri.queryParameters["saved"] { notice = try await Self.savedNotice(String(said), note: note, services: services) }
            return try await VisitPage.render(services, account: account, access: access, note: note, problems: [], context: context, notice: notice)
        }
        router.post("/clients/:id/visits/:note") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let stored = try await own(context, access)
            guard stored.status == .draft, stored.authorId == account.id else { throw PageError.badForm("Only the author can change a draft; a signed note is changed by amendment.") }
            let (note, problems) = Self.read(context.form, into: stored)
            // Too long to keep: shown again as typed, nothing saved.
            guard note.lengthProblems.isEmpty else {
                return try await VisitPage.render(services, account: account, access: access, note: note, problems: problems + note.lengthProblems,
                                                  context: context, status: .unprocessableContent)
            }
            // Copying from the last visit or filling from a template first keeps what was typed, then adds to it.
            let go = context.form["go"]
            var kept = note
            if go == "copy", let last = CopyForward.source(for: note, in: try await notes.list(clientId: note.clientId)) {
                kept = CopyForward.apply(Set(context.form.all("copy").compactMap(CopyForward.Part.init(rawValue:))), from: last, to: note)
            } else if go == "template", let template = try await NoteTemplateService(services: services)
                .offered(to: account, serviceId: try await VisitPage.serviceId(services, note)).first(where: { $0.id == context.form["template"] }) {
                kept = template.filling(note)
            }
            guard kept.lengthProblems.isEmpty else {
                return try await VisitPage.render(services, account: account, access: access, note: note, problems: kept.lengthProblems, context: context,
                                                  status: .unprocessableContent)
            }
            try await notes.saveDraft(kept, at: services.now)
            try await services.audit(account, context, .change, .clinical, client: access.client.id,
                                     detail: go == "copy" ? "visit note copied from the last visit" : go == "template" ? "visit note filled from a template" : "visit note draft saved")
            guard go == "sign" else {
                let said = go == "copy" ? "copy" : go == "template" ? "template" : "draft"
                return problems.isEmpty ? .seeOther("/clients/\(access.client.id)/visits/\(note.id)?saved=\(said)")
                    : try await VisitPage.render(services, account: account, access: access, note: kept, problems: problems, context: context, status: .unprocessableContent)
            }
            let all = problems + (try await visits.signingProblems(note))
            guard all.isEmpty else {
                return try await VisitPage.render(services, account: account, access: access, note: note, problems: all, context: context, status: .unprocessableContent)
            }
            try await visits.sign(note, by: account, address: context.address)
            return .seeOther("/clients/\(access.client.id)/visits/\(note.amends ?? note.id)?saved=signed#note-\(note.id)")
        }
        router.post("/clients/:id/visits/:note/autosave") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let stored = try await own(context, access)
            guard stored.status == .draft, stored.authorId == account.id else { return Response(status: .conflict) }
            let (note, _) = Self.read(context.form, into: stored)
            guard note.lengthProblems.isEmpty else { return Response(status: .unprocessableContent) }
            if note != stored {
                try await notes.saveDraft(note, at: services.now)
                try await services.audit(account, context, .change, .clinical, client: access.client.id, detail: "visit note draft autosaved")
            }
            // The page's script says when, in the clinic's time.
            let zone = try await services.clinicTime()
            var headers = HTTPFields()
            headers[Self.savedAtHeader] = SpokenTime.time(zone.rules.local(services.now).time)
            return Response(status: .noContent, headers: headers)
        }
        router.post("/clients/:id/visits/:note/amend") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let original = try await own(context, access)
            guard original.status == .signed else { throw PageError.badForm("Only a signed note is amended; a draft can simply be edited.") }
            let draft = try await visits.amend(original, by: account)
            try await services.audit(account, context, .create, .clinical, client: access.client.id, detail: "visit note amendment started")
            return .seeOther("/clients/\(access.client.id)/visits/\(draft.id)")
        }
        router.get("/clients/:id/visits/:note/chart.svg") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: false)
            let note = try await own(context, access)
            try await services.audit(account, context, .view, .clinical, client: access.client.id, detail: "body chart")
            return Response.svg(note.bodyChart.svg(title: "Body chart, \(note.bodyChart.marks.count) marks"))
        }
    }

    static let savedAtHeader = HTTPField.Name("Lumbar-Saved-At")!

    /// What the page says after a save: when, and what was added.
    static func savedNotice(_ what: String, note: VisitNote, services: AppServices) async throws -> String? {
        if what == "signed", note.status == .signed {
            let at = SpokenTime.time(try await services.clinicTime().rules.local(services.now).time)
            return "Signed and locked at \(at) To change it now, amend it: the signed words stay in the record."
        }
        guard note.status == .draft else { return nil }
        let at = SpokenTime.time(try await services.clinicTime().rules.local(note.updatedAt).time)
        switch what {
        // The time ends in "a.m." or "p.m.", whose period ends the sentence too.
        case "copy": return "Copied from the last visit and saved at \(at) What you had typed is still there; change whatever is different today."
        case "template": return "Filled from the template and saved at \(at) What you had typed is still there."
        default: return "Draft saved at \(at)"
        }
    }

    /// The note in the path, if it is this client's.
    private func own(_ context: AppRequestContext, _ access: ClientAccess) async throws -> VisitNote {
        guard let note = try await notes.find(id: try context.parameters.require("note")), note.clientId == access.client.id else { throw PageError.notFound }
        return note
    }

    /// The posted form over a stored draft: every field is taken, and what could not be read is named.
    static func read(_ form: FormData, into stored: VisitNote) -> (VisitNote, [FieldProblem]) {
        var note = stored
        var problems: [FieldProblem] = []
        let pain = form["painNow"].trimmed
        if pain.isEmpty { note.painNow = nil } else if let value = Int(pain), (0...10).contains(value) { note.painNow = value } else {
            problems.append(FieldProblem("painNow", "Choose a pain rating from 0 to 10."))
        }
        note.subjective = form["subjective"]
        note.objective = form["objective"]
        note.rangeOfMotion = form["rangeOfMotion"]
        note.tests = form["tests"]
        note.plan = form["plan"]
        note.amendReason = note.amends == nil ? nil : form["amendReason"]
        note.findings = Set(form.all("finding").compactMap(Finding.init(rawValue:)).filter(visitFindings.contains))
        var marks: [String] = []
        for region in BodyRegion.allCases {
            let kind = form["mark-\(region.rawValue)"], intensity = form["intensity-\(region.rawValue)"]
            if !kind.isEmpty { marks.append("\(region.rawValue):\(kind):\(intensity.isEmpty ? "5" : intensity)") }
        }
        let chart = BodyChart.parse(marks)
        note.bodyChart = chart.chart
        problems += chart.problems.map { FieldProblem("bodyChart", $0) }
        let techniques = TechniqueFields.read(form)
        note.techniques = techniques.uses
        problems += techniques.problems
        note.glutealVerbalConsent = form.checkbox("glutealVerbalConsent")
        note.psfs = (0..<5).prefix { form.has("psfs-\($0)") }.map { Int(form["psfs-\($0)"]).flatMap { (0...10).contains($0) ? $0 : nil } }
        return (note, problems)
    }
}
