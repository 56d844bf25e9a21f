import Mustache

/// A short fact on a visit in the day's lists: words that stand on their own, and a kind for its look.
struct TodayBadge: Sendable, Equatable {
    let text: String
    /// "emergency", "urgent", "todo", "ok" or "status".
    let kind: String
}

extension TodayBadge: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        case "kind": kind
        default: nil
        }
    }
}
