import Mustache

/// The model `enrol.mustache` draws.
struct TwoFactorEnrolPage {
    let chrome: Chrome
    let secret: String
    let url: String
    let required: Bool
    let error: String?
}

extension TwoFactorEnrolPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "secret": secret
        case "url": url
        case "required": required
        case "error": error
        default: nil
        }
    }
}
