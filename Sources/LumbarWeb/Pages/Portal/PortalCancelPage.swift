import Mustache

/// The model `portal_cancel.mustache` draws: the question before a client cancels, saying whether a fee applies.
struct PortalCancelPage {
    let chrome: Chrome
    let id: String
    let when: String
    let service: String
    let therapist: String
    let place: String
    let windowHours: Int
    /// Inside the cancellation window: a late cancellation.
    let late: Bool
    /// The late-cancellation fee, when one applies now.
    let fee: String?
}

extension PortalCancelPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "id": id
        case "when": when
        case "service": service
        case "therapist": therapist
        case "place": place
        case "windowHours": windowHours
        case "late": late
        case "fee": fee
        default: nil
        }
    }
}
