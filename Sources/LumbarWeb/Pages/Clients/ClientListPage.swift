import LumbarCore
import Mustache

struct ClientListPage {
    let chrome: Chrome
    let clients: [Client]
    let query: String
    let queryError: String?
    let canCreate: Bool
    let scoped: Bool
}
