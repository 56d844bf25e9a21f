import Mustache

/// What `calendar.mustache` draws: the layout, with the calendar's main part already written (`CalendarGridHTML`).
struct CalendarPage {
    let chrome: Chrome
    /// Markup `CalendarGridHTML` wrote, every value in it escaped; the template inserts it as it is.
    let body: String
}

extension CalendarPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "body": body
        default: nil
        }
    }
}
