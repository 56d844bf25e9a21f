import Mustache

/// The model `gift_lookup.mustache` draws: a gift certificate's balance, looked up by its code at the desk.
struct GiftLookupPage: Sendable {
    let chrome: Chrome
    let code: String
    let searched: Bool
    let found: Bool
    let heading: String
    let balance: String
    let detail: String
    let codeError: String?
}

// MARK: - Mustache

extension GiftLookupPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "code": code
        case "searched": searched
        case "found": found
        case "heading": heading
        case "balance": balance
        case "detail": detail
        case "codeError": codeError
        default: nil
        }
    }
}
