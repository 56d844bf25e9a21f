import Mustache

/// The model `retention.mustache` draws.
struct RetentionPage: Sendable {
    struct Row: Sendable { let id: String; let name: String; let lastVisit: String; let keepUntil: String }
    let chrome: Chrome
    let rows: [Row]
    let today: String
}

extension RetentionPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "rows": rows
        case "today": today
        default: nil
        }
    }
}

extension RetentionPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "lastVisit": lastVisit
        case "keepUntil": keepUntil
        default: nil
        }
    }
}
