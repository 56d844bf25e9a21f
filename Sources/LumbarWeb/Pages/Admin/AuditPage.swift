import Mustache

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
