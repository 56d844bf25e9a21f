import Mustache

/// The model `intake_review.mustache` draws.
struct IntakeReviewPage: Sendable {
    struct Row: Sendable { let prompt: String; let answer: String }
    struct Section: Sendable { let title: String; let link: String; let rows: [Row] }
    let chrome: Chrome
    let base: String
    let sections: [Section]
    let incomplete: String?
    let count: Int
}

extension IntakeReviewPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "base": base
        case "sections": sections
        case "incomplete": incomplete
        case "count": count
        default: nil
        }
    }
}

extension IntakeReviewPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "prompt": prompt
        case "answer": answer
        default: nil
        }
    }
}

extension IntakeReviewPage.Section: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "title": title
        case "link": link
        case "rows": rows
        default: nil
        }
    }
}
