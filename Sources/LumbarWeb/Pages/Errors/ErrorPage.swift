import Mustache

/// The model `error.mustache` draws.
struct ErrorPage {
    let chrome: Chrome
    let heading: String
    let message: String
}

extension ErrorPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "message": message
        default: nil
        }
    }
}
