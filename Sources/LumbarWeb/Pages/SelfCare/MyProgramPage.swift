import LumbarCore
import Mustache

/// The model `program_mine.mustache` draws.
struct MyProgramPage: Sendable {
    struct Day: Sendable { let value: String; let label: String; let selected: Bool }

    struct Choice: Sendable { let value: String; let label: String; let checked: Bool }

    let chrome: Chrome
    let programId: String
    let cards: [ProgramCard]
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

extension MyProgramPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "programId": programId
        case "cards": cards
        case "thermal": thermal
        case "note": note
        case "therapist": therapist
        case "days": days
        case "done": done
        case "pains": pains
        case "logNote": logNote
        case "logNoteError": logNoteError
        case "problems": problems
        case "dayError": dayError
        case "doneError": doneError
        case "painError": painError
        case "summary": summary
        case "reminderTime": reminderTime
        case "reminderOn": reminderOn
        case "reminderError": reminderError
        default: nil
        }
    }
}

extension MyProgramPage.Day: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "selected": selected
        default: nil
        }
    }
}

extension MyProgramPage.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}
