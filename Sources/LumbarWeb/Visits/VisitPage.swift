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
    struct TechniqueRow: Sendable { let id: String; let name: String; let used: Bool; let areas: [Option]; let pressures: [Option]; let minutes: String; let status: String? }
    struct Line: Sendable { let text: String }
    struct Activity: Sendable { let index: Int; let name: String; let ratings: [Option]; let rating: String }
    struct Amendment: Sendable { let id: String; let when: String; let author: String; let reason: String?; let signed: Bool }
    /// The problem beside each typed section, if any.
    struct SectionErrors: Sendable {
        let subjective, objective, rangeOfMotion, tests, plan, amendReason: String?
        init(_ problems: [FieldProblem]) {
            let first = { (field: String) in problems.first { $0.field == field }?.message }
            subjective = first("subjective")
            objective = first("objective")
            rangeOfMotion = first("rangeOfMotion")
            tests = first("tests")
            plan = first("plan")
            amendReason = first("amendReason")
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
    let techniques: [TechniqueRow]
    let techniquesText: [Line]
    let glutealVerbal: Bool
    let glutealWritten: Bool
    let plan: String
    let urgency: String
    let alarm: Bool
    let referralReasons: [Line]
    let decision: String
    let assessmentNote: String
    let problems: [FieldProblem]
    let hasProblems: Bool
    let errors: SectionErrors
    let amendments: [Amendment]

    /// The activities the client named on their latest intake (PSFS), in order.
    static func activities(_ services: AppServices, clientId: String) async throws -> [String] {
        try await VisitNoteService(services: services).activities(clientId: clientId)
    }

    /// The engine on today's findings, from the latest intake's contract input; nil when there is no intake yet.
    static func assessment(_ services: AppServices, note: VisitNote) async throws -> Assessment? {
        try await VisitNoteService(services: services).assessment(note)
    }

    static func render(_ services: AppServices, account: Account, access: ClientAccess, note: VisitNote, problems: [FieldProblem],
                       context: AppRequestContext, status: HTTPResponse.Status = .ok) async throws -> Response {
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
        let page = VisitPage(
            chrome: context.chrome("Visit note: \(access.client.fullName)"),
            client: access.client, noteId: note.id, editable: editable, signed: note.status == .signed, status: note.status.rawValue,
            author: note.authorName, created: zone.local(note.createdAt), signedAt: note.signedAt.map(zone.local) ?? "",
            isAmendment: note.amends != nil, amendReason: note.amendReason ?? "", original: note.amends,
            painChoices: (0...10).map { Option(value: String($0), label: String($0), selected: note.painNow == $0) },
            painNow: note.painNow.map(String.init) ?? "not recorded", subjective: note.subjective, homeProgram: note.homeProgram.nilIfEmpty,
            activities: try await activities(services, clientId: note.clientId).enumerated().map { index, name in
                let rating = index < note.psfs.count ? note.psfs[index] : nil
                return Activity(index: index, name: name, ratings: [Option(value: "", label: "Not rated", selected: rating == nil)]
                                    + (0...10).map { Option(value: String($0), label: String($0), selected: rating == $0) },
                                rating: rating.map(String.init) ?? "not rated")
            },
            findings: VisitRoutes.visitFindings.map { Option(value: $0.rawValue, label: $0.rawValue.replacingOccurrences(of: "-", with: " "), selected: note.findings.contains($0)) },
            findingsText: VisitRoutes.visitFindings.filter(note.findings.contains).map(\.rawValue).joined(separator: ", "),
            objective: note.objective, rangeOfMotion: note.rangeOfMotion, tests: note.tests,
            regions: BodyRegion.allCases.map { region in
                let mark = marks[region]
                return RegionRow(id: region.rawValue, label: region.label, view: region.view.rawValue,
                                 kinds: [Option(value: "", label: "No mark", selected: mark == nil)]
                                    + BodyChart.Kind.allCases.map { Option(value: $0.rawValue, label: $0.label, selected: mark?.kind == $0) },
                                 intensities: (1...10).map { Option(value: String($0), label: String($0), selected: (mark?.intensity ?? 5) == $0) },
                                 marked: mark.map { "\($0.kind.label) \($0.intensity)" } ?? "")
            },
            chartSVG: note.bodyChart.svg(title: "Today's body chart"),
            previousChart: previous.map { "/clients/\(note.clientId)/visits/\($0.id)/chart.svg" },
            techniques: Technique.allCases.map { technique in
                let use = note.techniques.first { $0.technique == technique }
                return TechniqueRow(id: technique.rawValue, name: technique.name, used: use != nil,
                                    areas: BodyRegion.allCases.filter { $0.view == .back }.map { Option(value: $0.rawValue, label: $0.label, selected: use?.areas.contains($0) == true) },
                                    pressures: PressurePreference.allCases.map { Option(value: $0.rawValue, label: $0.rawValue, selected: (use?.pressure ?? .moderate) == $0) },
                                    minutes: use.map { String($0.minutes) } ?? "", status: assessment?.statuses[technique])
            },
            techniquesText: note.techniques.map { Line(text: "\($0.technique.name): \($0.areas.map(\.label).joined(separator: ", ")), \($0.pressure.rawValue) pressure, \($0.minutes) min") },
            glutealVerbal: note.glutealVerbalConsent, glutealWritten: consents.isGiven(.gluteal), plan: note.plan,
            urgency: assessment?.urgency ?? "", alarm: ["urgent", "emergency"].contains(assessment?.urgency ?? ""),
            referralReasons: (assessment?.reasons ?? []).map(Line.init), decision: assessment?.decision ?? "",
            assessmentNote: intake == nil ? "No intake yet, so the engine has nothing to assess." : note.status == .draft ? "Worked out from the intake and today's findings; stored when you sign." : "As assessed when the note was signed.",
            problems: problems, hasProblems: !problems.isEmpty, errors: SectionErrors(problems),
            amendments: all.filter { $0.amends == root && $0.id != note.id }.map {
                Amendment(id: $0.id, when: $0.signedAt.map(zone.local) ?? "draft", author: $0.authorName, reason: $0.amendReason?.nilIfEmpty, signed: $0.status == .signed)
            })
        return services.views.page("visit", page, status: status)
    }
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
        case "findingsText": findingsText
        case "objective": objective
        case "rangeOfMotion": rangeOfMotion
        case "tests": tests
        case "regions": regions
        case "chartSVG": chartSVG
        case "previousChart": previousChart
        case "techniques": techniques
        case "techniquesText": techniquesText
        case "glutealVerbal": glutealVerbal
        case "glutealWritten": glutealWritten
        case "plan": plan
        case "urgency": urgency
        case "alarm": alarm
        case "referralReasons": referralReasons
        case "decision": decision
        case "assessmentNote": assessmentNote
        case "problems": problems
        case "hasProblems": hasProblems
        case "errors": errors
        case "amendments": amendments
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

extension VisitPage.TechniqueRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "used": used
        case "areas": areas
        case "pressures": pressures
        case "minutes": minutes
        case "status": status
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
        default: nil
        }
    }
}
