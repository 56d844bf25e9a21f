import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones
import Mustache

/// A visit note as the page shows it: the SOAP form while it is the author's draft, the signed record otherwise,
/// with its amendments, today's assessment, the body chart beside the previous visit's, and consent status.
struct VisitPage: Sendable {
    struct Option: Sendable { let value: String; let label: String; let selected: Bool }
    struct RegionRow: Sendable { let id: String; let label: String; let view: String; let kinds: [Option]; let intensities: [Option]; let marked: String }
    /// A body-chart tool: a kind of mark, or clearing one. `swatch` is drawn from code (BodyChart), never typed.
    struct Tool: Sendable { let value: String; let label: String; let swatch: String; let selected: Bool }
    /// The last signed visit a follow-up may start from, and the parts it offers.
    struct CopySource: Sendable { let when: String; let author: String; let parts: [Option] }
    struct Line: Sendable { let text: String }
    struct Activity: Sendable { let index: Int; let name: String; let ratings: [Option]; let rating: String }
    struct Amendment: Sendable { let id: String; let when: String; let author: String; let reason: String?; let signed: Bool }
    /// The problem beside each typed section, if any.
    struct SectionErrors: Sendable {
        let subjective, objective, rangeOfMotion, tests, plan, amendReason, painNow, glutealVerbalConsent: String?
        init(_ problems: [FieldProblem]) {
            let first = { (field: String) in problems.first { $0.field == field }?.message }
            subjective = first("subjective")
            objective = first("objective")
            rangeOfMotion = first("rangeOfMotion")
            tests = first("tests")
            plan = first("plan")
            amendReason = first("amendReason")
            painNow = first("painNow")
            glutealVerbalConsent = first("glutealVerbalConsent")
        }
    }

    let chrome: Chrome
    let client: Client
    let noteId: String
    let editable: Bool
    let signed: Bool
    let status: String
    let author: String
    let created: String
    let signedAt: String
    let isAmendment: Bool
    let amendReason: String
    let original: String?
    let painChoices: [Option]
    let painNow: String
    let subjective: String
    let homeProgram: String?
    let activities: [Activity]
    let findings: [Option]
    let findingsText: String
    let objective: String
    let rangeOfMotion: String
    let tests: String
    let regions: [RegionRow]
    /// Drawn by BodyChart from region codes and numbers only, never from anything typed; shown unescaped.
    let chartSVG: String
    let previousChart: String?
    let tools: [Tool]
    let techniques: [TechniqueFields.Row]
    let techniquesText: [Line]
    let glutealVerbal: Bool
    let glutealWritten: Bool
    /// No consent to treatment for the current episode: the note can still be written, but the therapist is told.
    let treatmentConsentMissing: Bool
    let plan: String
    let urgency: String
    /// Whether there is an assessment to show (an empty `urgency` still counts as present to the template).
    let assessed: Bool
    let alarm: Bool
    let referralReasons: [Line]
    let decision: String
    let assessmentNote: String
    let problems: [FieldProblem]
    let hasProblems: Bool
    let errors: SectionErrors
    let amendments: [Amendment]
    /// Nothing written yet: the start panel (copy from the last visit, or a template) opens by itself.
    let fresh: Bool
    let copyFrom: CopySource?
    let templates: [Option]
    let hasTemplates: Bool
    /// "Saved at 10:42 a.m." (the time's own period ends it), once the draft has been saved since it was started.
    let saved: String

    /// The service of the visit the note is for, so its templates come first.
    static func serviceId(_ services: AppServices, _ note: VisitNote) async throws -> String? {
        guard let appointment = note.appointmentId else { return nil }
        return try await services.appointments.find(id: appointment)?.serviceId
    }

    /// The activities the client named on their latest intake (PSFS), in order.
    static func activities(_ services: AppServices, clientId: String) async throws -> [String] {
        try await VisitNoteService(services: services).activities(clientId: clientId)
    }

    /// The engine on today's findings, from the latest intake's contract input; nil when there is no intake yet.
    static func assessment(_ services: AppServices, note: VisitNote) async throws -> Assessment? {
        try await VisitNoteService(services: services).assessment(note)
    }

    static func render(_ services: AppServices, account: Account, access: ClientAccess, note: VisitNote, problems: [FieldProblem],
                       context: AppRequestContext, status: HTTPResponse.Status = .ok, notice: String? = nil) async throws -> Response {
        let zone = try await services.clinicTime()
        let repository = services.visitNotes
        let all = try await repository.list(clientId: note.clientId)
        let root = note.amends ?? note.id
        let previous = all.last { $0.status == .signed && $0.amends == nil && $0.createdAt < note.createdAt && $0.id != root }
        let editable = note.status == .draft && note.authorId == account.id && access.writesClinical
        // Stored at signing; worked out live while the note is a draft, so a new red flag shows as it is ticked.
        var assessment: (urgency: String, reasons: [String], decision: String, statuses: [Technique: String])?
        if let json = note.assessmentJSON, let value = try? JSONValue.parse(json) {
            assessment = (value["referral"]?["urgency"]?.stringValue ?? "none",
                          (value["referral"]?["reasons"]?.arrayValue ?? []).compactMap { $0["text"]?.stringValue },
                          value["treatment"]?["decision"]?.stringValue ?? "",
                          Dictionary((value["techniques"]?.arrayValue ?? []).compactMap { item in
                              Technique(rawValue: item["code"]?.stringValue ?? "").map { ($0, item["status"]?.stringValue ?? "") }
                          }, uniquingKeysWith: { a, _ in a }))
        } else if note.status == .draft, let live = try await Self.assessment(services, note: note) {
            assessment = (live.urgency.rawValue, live.referralReasons.map(\.text), live.decision.rawValue,
                          Dictionary(live.techniques.map { ($0.technique, $0.status.rawValue) }, uniquingKeysWith: { a, _ in a }))
        }
        let intake = try await services.intake.latestSubmitted(clientId: note.clientId)
        let consents = ConsentStatus(try await services.consents.list(clientId: note.clientId), intakeId: intake?.id,
                                     appointmentId: note.appointmentId)
        let marks = Dictionary(note.bodyChart.marks.map { ($0.region, $0) }, uniquingKeysWith: { a, _ in a })
        var chrome = context.chrome("Visit note: \(access.client.fullName)")
        chrome.notice = notice
        let source = editable && note.amends == nil ? CopyForward.source(for: note, in: all) : nil
        let offered = editable ? try await NoteTemplateService(services: services).offered(to: account, serviceId: try await serviceId(services, note)) : []
        let page = VisitPage(
            chrome: chrome,
            client: access.client, noteId: note.id, editable: editable, signed: note.status == .signed, status: note.status.rawValue,
            author: note.authorName, created: zone.spoken(note.createdAt), signedAt: note.signedAt.map(zone.spoken) ?? "",
            isAmendment: note.amends != nil, amendReason: note.amendReason ?? "", original: note.amends,
            painChoices: (0...10).map { Option(value: String($0), label: String($0), selected: note.painNow == $0) },
            painNow: note.painNow.map(String.init) ?? "not recorded", subjective: note.subjective, homeProgram: note.homeProgram.nilIfEmpty,
            activities: try await activities(services, clientId: note.clientId).enumerated().map { index, name in
                let rating = index < note.psfs.count ? note.psfs[index] : nil
                return Activity(index: index, name: name, ratings: [Option(value: "", label: "Not rated", selected: rating == nil)]
                                    + (0...10).map { Option(value: String($0), label: String($0), selected: rating == $0) },
                                rating: rating.map(String.init) ?? "not rated")
            },
            findings: VisitRoutes.visitFindings.map { Option(value: $0.rawValue, label: FindingWords.label($0), selected: note.findings.contains($0)) },
            findingsText: FindingWords.list(VisitRoutes.visitFindings.filter(note.findings.contains)),
            objective: note.objective, rangeOfMotion: note.rangeOfMotion, tests: note.tests,
            regions: BodyRegion.allCases.map { region in
                let mark = marks[region]
                return RegionRow(id: region.rawValue, label: region.label, view: region.view.rawValue,
                                 kinds: [Option(value: "", label: "No mark", selected: mark == nil)]
                                    + BodyChart.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: mark?.kind == $0) },
                                 intensities: (1...10).map { Option(value: String($0), label: String($0), selected: (mark?.intensity ?? 5) == $0) },
                                 marked: mark.map { "\($0.kind.label) \($0.intensity)" } ?? "")
            },
            chartSVG: editable ? note.bodyChart.inputSVG(title: "Body chart: tap a region to mark it") : note.bodyChart.svg(title: "Today's body chart"),
            previousChart: previous.map { "/clients/\(note.clientId)/visits/\($0.id)/chart.svg" },
            tools: BodyChart.Kind.allCases.enumerated().map { index, kind in
                Tool(value: kind.rawValue, label: kind.label, swatch: "<svg viewBox=\"-8 -8 16 16\" width=\"18\" height=\"18\" aria-hidden=\"true\">\(kind.symbol)</svg>",
                     selected: index == 0)
            } + [Tool(value: "clear", label: "Clear a mark", swatch: "", selected: false)],
            techniques: TechniqueFields.rows(note.techniques, statuses: assessment?.statuses ?? [:], problems: problems),
            techniquesText: note.techniques.map {
                Line(text: "\($0.technique.name): \($0.areas.isEmpty ? "no areas named" : $0.areas.map(\.label).joined(separator: ", ")), \($0.pressure.rawValue) pressure, \($0.minutes) min")
            },
            glutealVerbal: note.glutealVerbalConsent, glutealWritten: consents.isGiven(.gluteal),
            treatmentConsentMissing: editable && !consents.isGiven(.treatment), plan: note.plan,
            urgency: assessment?.urgency ?? "", assessed: assessment != nil, alarm: ["urgent", "emergency"].contains(assessment?.urgency ?? ""),
            referralReasons: (assessment?.reasons ?? []).map(Line.init), decision: TriageWords.decision(code: assessment?.decision ?? ""),
            assessmentNote: intake == nil ? "No intake yet, so the engine has nothing to assess." : note.status == .draft ? "Worked out from the intake and today's findings; stored when you sign." : "As assessed when the note was signed.",
            problems: problems, hasProblems: !problems.isEmpty, errors: SectionErrors(problems),
            amendments: all.filter { $0.amends == root && $0.id != note.id }.map {
                Amendment(id: $0.id, when: $0.signedAt.map(zone.spoken) ?? "draft", author: $0.authorName, reason: $0.amendReason?.nilIfEmpty, signed: $0.status == .signed)
            },
            fresh: note.painNow == nil && note.subjective.trimmed.isEmpty && note.objective.trimmed.isEmpty && note.plan.trimmed.isEmpty
                && note.bodyChart.marks.isEmpty && note.techniques.isEmpty && note.findings.isEmpty,
            copyFrom: source.map { last in
                CopySource(when: SpokenTime.day(zone.rules.local(last.createdAt).date, today: zone.rules.local(services.now).date), author: last.authorName,
                           parts: CopyForward.Part.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: true) })
            },
            templates: offered.map { Option(value: $0.id, label: $0.name, selected: false) }, hasTemplates: !offered.isEmpty,
            saved: note.updatedAt > note.createdAt ? "Saved at \(SpokenTime.time(zone.rules.local(note.updatedAt).time))" : "")
        return services.views.page("visit", page, status: status)
    }
}

extension VisitPage {
    var tissueFindings: [Option] { findings.filter { option in VisitRoutes.tissueFindings.contains { $0.rawValue == option.value } } }
    var warningFindings: [Option] { findings.filter { option in VisitRoutes.warningFindings.contains { $0.rawValue == option.value } } }
    /// No badge when no referral is needed: the line says so in words.
    var urgencyBadge: String? { urgency == "none" || urgency.isEmpty ? nil : urgency }
    /// The signed note prints a line only for what was written.
    var rangeOfMotionWritten: String? { rangeOfMotion.trimmed.nilIfEmpty }
    var testsWritten: String? { tests.trimmed.nilIfEmpty }
    /// Range of motion and tests fold away on a visit that did not need them; open once written or refused.
    var moreOpen: Bool { !rangeOfMotion.trimmed.isEmpty || !tests.trimmed.isEmpty || errors.rangeOfMotion != nil || errors.tests != nil }
}

extension VisitPage.Activity {
    /// A signed note lists only the activities rated at the visit.
    var rated: Bool { rating != "not rated" }
}

extension VisitPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "noteId": noteId
        case "editable": editable
        case "signed": signed
        case "status": status
        case "author": author
        case "created": created
        case "signedAt": signedAt
        case "isAmendment": isAmendment
        case "amendReason": amendReason
        case "original": original
        case "painChoices": painChoices
        case "painNow": painNow
        case "subjective": subjective
        case "homeProgram": homeProgram
        case "activities": activities
        case "findings": findings
        case "tissueFindings": tissueFindings
        case "warningFindings": warningFindings
        case "findingsText": findingsText
        case "objective": objective
        case "rangeOfMotion": rangeOfMotion
        case "tests": tests
        // The signed note prints a line only for what was written.
        case "moreOpen": moreOpen
        case "urgencyBadge": urgencyBadge
        case "rangeOfMotionWritten": rangeOfMotionWritten
        case "testsWritten": testsWritten
        case "regions": regions
        case "chartSVG": chartSVG
        case "previousChart": previousChart
        case "tools": tools
        case "techniques": techniques
        case "techniquesText": techniquesText
        case "glutealVerbal": glutealVerbal
        case "glutealWritten": glutealWritten
        case "treatmentConsentMissing": treatmentConsentMissing
        case "plan": plan
        case "urgency": urgency
        case "assessed": assessed
        case "alarm": alarm
        case "referralReasons": referralReasons
        case "decision": decision
        case "assessmentNote": assessmentNote
        case "problems": problems
        case "hasProblems": hasProblems
        case "errors": errors
        case "amendments": amendments
        case "fresh": fresh
        case "copyFrom": copyFrom
        case "templates": templates
        case "hasTemplates": hasTemplates
        case "saved": saved
        default: nil
        }
    }
}

extension VisitPage.Option: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension VisitPage.RegionRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        case "view": view
        case "kinds": kinds
        case "intensities": intensities
        case "marked": marked
        default: nil
        }
    }
}

extension VisitPage.Tool: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "swatch": swatch
        case "selected": selected
        default: nil
        }
    }
}

extension VisitPage.CopySource: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "when": when
        case "author": author
        case "parts": parts
        default: nil
        }
    }
}

extension VisitPage.Line: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}

extension VisitPage.Activity: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "index": index
        case "name": name
        case "ratings": ratings
        case "rating": rating
        case "rated": rated
        default: nil
        }
    }
}

extension VisitPage.Amendment: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "when": when
        case "author": author
        case "reason": reason
        case "signed": signed
        default: nil
        }
    }
}

extension VisitPage.SectionErrors: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "subjective": subjective
        case "objective": objective
        case "rangeOfMotion": rangeOfMotion
        case "tests": tests
        case "plan": plan
        case "amendReason": amendReason
        case "painNow": painNow
        case "glutealVerbalConsent": glutealVerbalConsent
        default: nil
        }
    }
}
