import Mustache

/// The model `audit.mustache` draws.
struct AuditPage {
    struct Row {
        let at: String
        let actor: String
        let role: String
        let client: String
        let infoType: String
        let action: String
        let address: String
        let detail: String
    }

    let chrome: Chrome
    let fields: [FieldView]
    let entries: [Row]
    let query: String
}

extension AuditPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fields": fields
        case "entries": entries
        case "query": query
        default: nil
        }
    }
}

extension AuditPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "at": at
        case "actor": actor
        case "role": role
        case "client": client
        case "infoType": infoType
        case "action": action
        case "address": address
        case "detail": detail
        default: nil
        }
    }
}
