import LumbarCore
import Mustache

/// The model `clients.mustache` draws.
struct ClientListPage {
    let chrome: Chrome
    let clients: [Client]
    let query: String
    let queryError: String?
    let canCreate: Bool
    let scoped: Bool
}

extension ClientListPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clients": clients
        case "query": query
        case "queryError": queryError
        case "canCreate": canCreate
        case "scoped": scoped
        default: nil
        }
    }
}
