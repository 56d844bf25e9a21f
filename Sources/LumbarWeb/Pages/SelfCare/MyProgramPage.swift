import LumbarCore
import Mustache

struct MyProgramPage: Sendable {
    struct Day: Sendable { let value: String; let label: String; let selected: Bool }

    struct Choice: Sendable { let value: String; let label: String; let checked: Bool }

    let chrome: Chrome
    let programId: String
    let cards: [ProgramService.Card]
    let thermal: String?
    let note: String?
    let therapist: String
    let days: [Day]
    let done: [Choice]
    let pains: [Choice]
    let logNote: String
    let logNoteError: String?
    let problems: [FieldProblem]
    let dayError: String?
    let doneError: String?
    let painError: String?
    let summary: String
    let reminderTime: String
    let reminderOn: Bool
    let reminderError: String?
}
