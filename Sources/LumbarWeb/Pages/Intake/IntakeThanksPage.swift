import Mustache

struct IntakeThanksPage { let chrome: Chrome }

extension IntakeThanksPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        default: nil
        }
    }
}
