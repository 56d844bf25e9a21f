import Mustache

/// What `calendar_cancel.mustache` draws: the question before a cancellation, with the reason and the fee it carries.
struct CalendarCancelPage {
    let chrome: Chrome
    let id: String
    let summary: String
    /// Whether the fee applies, in words, before the final button.
    let feeMessage: String
    let late: Bool
    let canCancel: Bool
    let fields: [FieldView]
    let problem: String?
    let backLink: String
}

extension CalendarCancelPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "id": id
        case "summary": summary
        case "feeMessage": feeMessage
        case "late": late
        case "canCancel": canCancel
        case "fields": fields
        case "problem": problem
        case "backLink": backLink
        default: nil
        }
    }
}
