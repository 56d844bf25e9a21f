import Mustache

/// The calendar feed's message, drawn by `error.mustache`.
struct CalendarFeedPage { let chrome: Chrome; let heading: String; let message: String }

extension CalendarFeedPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "message": message
        default: nil
        }
    }
}
