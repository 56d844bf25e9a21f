import LumbarCore
import Mustache

/// The model `plan.mustache` draws.
struct PlanPage: Sendable {
    struct Option: Sendable { let value: String; let label: String; let selected: Bool }

    struct TechniqueRow: Sendable { let id: String; let name: String; let status: String; let chosen: Bool; let note: String; let error: String? }

    struct Goal: Sendable { let index: Int; let text: String; let error: String? }

    let chrome: Chrome
    let client: Client
    let hasPlan: Bool
    let version: Int
    let summary: [String]
    let consentNeeded: [String]
    let reliesOn: [String]
    let goals: [Goal]
    let techniques: [TechniqueRow]
    let areas: [Option]
    let pressures: [Option]
    let frequency: String
    let frequencyError: String?
    let visits: String
    let reassessOn: String
    let problems: [FieldProblem]
    let hasProblems: Bool
    let history: [String]
}

extension PlanPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "hasPlan": hasPlan
        case "version": version
        case "summary": summary
        case "consentNeeded": consentNeeded
        case "reliesOn": reliesOn
        case "goals": goals
        case "techniques": techniques
        case "areas": areas
        case "pressures": pressures
        case "frequency": frequency
        case "frequencyError": frequencyError
        case "visits": visits
        case "reassessOn": reassessOn
        case "problems": problems
        case "hasProblems": hasProblems
        case "history": history
        default: nil
        }
    }
}

extension PlanPage.Option: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension PlanPage.TechniqueRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "status": status
        case "chosen": chosen
        case "note": note
        case "error": error
        default: nil
        }
    }
}

extension PlanPage.Goal: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "index": index
        case "text": text
        case "error": error
        default: nil
        }
    }
}
