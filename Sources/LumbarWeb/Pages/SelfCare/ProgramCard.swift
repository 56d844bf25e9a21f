import LumbarCore
import Mustache

/// One program item as the pages draw it (the therapist's editor, the client's program, the printed handout).
struct ProgramCard: Sendable {
    let number: Int
    let id: String
    let name: String
    let dose: String
    let steps: [String]
    let feel: String
    let stop: String
    let note: String?
    let picture: String
    let alt: String

    /// The program's items that have an exercise, numbered as the client follows them.
    static func cards(_ program: HomeProgram) -> [ProgramCard] {
        program.items.enumerated().compactMap { index, item in
            guard let exercise = item.exercise else { return nil }
            return ProgramCard(number: index + 1, id: exercise.id, name: exercise.name, dose: item.dose.text, steps: exercise.steps, feel: exercise.feel,
                               stop: exercise.stop, note: item.note.nilIfEmpty, picture: "/exercises/\(exercise.id).svg",
                               alt: "\(exercise.name): \(exercise.startLabel), then \(exercise.endLabel)")
        }
    }
}

extension ProgramCard: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "number": number
        case "id": id
        case "name": name
        case "dose": dose
        case "steps": steps
        case "feel": feel
        case "stop": stop
        case "note": note
        case "picture": picture
        case "alt": alt
        default: nil
        }
    }
}
