import Mustache

/// The question asked before retiring or restoring something: what it is, what will happen, yes or no.
/// Drawn by `setup_confirm.mustache`.
struct ConfirmPage {
    let chrome: Chrome
    let question: String
    let what: String
    let consequences: [String]
    let action: String
    let yes: String
    let back: String
    let no: String
}

extension ConfirmPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "question": question
        case "what": what
        case "consequences": consequences
        case "action": action
        case "yes": yes
        case "back": back
        case "no": no
        default: nil
        }
    }
}
