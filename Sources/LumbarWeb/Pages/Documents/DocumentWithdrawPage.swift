import Mustache

/// The question asked before a document is marked withdrawn, with the reason it needs. Drawn by `document_withdraw.mustache`.
struct DocumentWithdrawPage {
    let chrome: Chrome
    let fileName: String
    let added: String
    let action: String
    let back: String
    let reason: String
    let reasonError: String?
    let reasonLimit: Int
}

extension DocumentWithdrawPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fileName": fileName
        case "added": added
        case "action": action
        case "back": back
        case "reason": reason
        case "reasonError": reasonError
        case "reasonLimit": reasonLimit
        default: nil
        }
    }
}
