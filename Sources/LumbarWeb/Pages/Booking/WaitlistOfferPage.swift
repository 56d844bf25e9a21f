import Mustache

/// The model `waitlist_offer.mustache` draws.
struct WaitlistOfferPage {
    let chrome: Chrome
    let live: Bool
    let token: String
    let service: String
    let when: String
    let until: String
    let message: String
}

extension WaitlistOfferPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "live": live
        case "token": token
        case "service": service
        case "when": when
        case "until": until
        case "message": message
        default: nil
        }
    }
}
