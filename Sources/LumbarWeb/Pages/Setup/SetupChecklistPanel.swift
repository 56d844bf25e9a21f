import Mustache

/// The owner's set-up checklist, drawn by `setup_checklist.mustache` on the home page and the set-up overview.
struct SetupChecklistPanel {
    struct Item { let label: String; let detail: String; let href: String; let done: Bool; let optional: Bool; let next: Bool }

    let items: [Item]
    let complete: Bool
    /// When complete: the first time a client could book, in the clinic's words.
    let firstSlot: String?
    let doneCount: Int
    let totalCount: Int
}

extension SetupChecklistPanel: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "items": items
        case "complete": complete
        case "firstSlot": firstSlot
        case "doneCount": doneCount
        case "totalCount": totalCount
        default: nil
        }
    }
}

extension SetupChecklistPanel.Item: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "detail": detail
        case "href": href
        case "done": done
        case "optional": optional
        case "next": next
        default: nil
        }
    }
}
