import Mustache

/// The model `intake_thanks.mustache` draws.
struct IntakeThanksPage { let chrome: Chrome }

extension IntakeThanksPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        default: nil
        }
    }
}
