import LumbarCore
import Mustache

/// The model `program_editor.mustache` draws.
struct ProgramEditorPage: Sendable {
    struct Row: Sendable {
        let id: String
        let name: String
        let level: String?
        let groupTitle: String?
        let suggested: Bool
        let included: Bool
        let order: String
        let sets: String
        let reps: String
        let hold: String
        let minutes: String
        let often: String
        let note: String
        let caution: String?
        let error: String?
    }

    struct Version: Sendable { let version: Int; let when: String; let items: String }

    let chrome: Chrome
    let client: Client
    let rows: [Row]
    let note: String
    let injuredAt: String
    let intakeHint: String?
    let version: Int
    let cards: [ProgramCard]
    let hasProgram: Bool
    let thermal: String?
    let summary: String
    let chart: String
    let problems: [String]
    let hasProblems: Bool
    let noteError: String?
    let fromSuggestions: Bool
    let versions: [Version]
}

extension ProgramEditorPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "rows": rows
        case "note": note
        case "injuredAt": injuredAt
        case "intakeHint": intakeHint
        case "version": version
        case "cards": cards
        case "hasProgram": hasProgram
        case "thermal": thermal
        case "summary": summary
        case "chart": chart
        case "problems": problems
        case "hasProblems": hasProblems
        case "noteError": noteError
        case "fromSuggestions": fromSuggestions
        case "versions": versions
        default: nil
        }
    }
}

extension ProgramEditorPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "level": level
        case "groupTitle": groupTitle
        case "suggested": suggested
        case "included": included
        case "order": order
        case "sets": sets
        case "reps": reps
        case "hold": hold
        case "minutes": minutes
        case "often": often
        case "note": note
        case "caution": caution
        case "error": error
        default: nil
        }
    }
}

extension ProgramEditorPage.Version: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "version": version
        case "when": when
        case "items": items
        default: nil
        }
    }
}
