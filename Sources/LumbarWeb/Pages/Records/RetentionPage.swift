import Mustache

struct RetentionPage: Sendable {
    struct Row: Sendable { let id: String; let name: String; let lastVisit: String; let keepUntil: String }
    let chrome: Chrome
    let rows: [Row]
    let today: String
}
