import LumbarCore
import Mustache

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
    let cards: [ProgramService.Card]
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
