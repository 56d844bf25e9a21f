import Mustache

/// The model `program_item.mustache` draws.
struct MyProgramStepPage: Sendable {
    let chrome: Chrome
    let card: ProgramCard
    let count: Int
    let previous: String?
    let next: String?
}

extension MyProgramStepPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "card": card
        case "count": count
        case "previous": previous
        case "next": next
        default: nil
        }
    }
}
