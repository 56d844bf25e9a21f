import Mustache

/// The model `login.mustache` draws.
struct LoginPage {
    let chrome: Chrome
    let email: String
    let error: String?
    var next: String?
}

extension LoginPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "email": email
        case "error": error
        case "next": next
        default: nil
        }
    }
}
