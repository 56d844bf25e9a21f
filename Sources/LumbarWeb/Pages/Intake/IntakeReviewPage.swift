import Mustache

struct IntakeReviewPage: Sendable {
    struct Row: Sendable { let prompt: String; let answer: String }
    struct Section: Sendable { let title: String; let link: String; let rows: [Row] }
    let chrome: Chrome
    let base: String
    let sections: [Section]
    let incomplete: String?
    let count: Int
}
