import Mustache

/// The model `totp.mustache` draws.
struct SignInCodePage {
    let chrome: Chrome
    let error: String?
}

extension SignInCodePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "error": error
        default: nil
        }
    }
}
