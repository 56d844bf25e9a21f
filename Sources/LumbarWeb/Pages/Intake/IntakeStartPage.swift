import Mustache

/// The model `intake_start.mustache` draws.
struct IntakeStartPage { let chrome: Chrome; let returning: Bool }

extension IntakeStartPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "returning": returning
        default: nil
        }
    }
}
