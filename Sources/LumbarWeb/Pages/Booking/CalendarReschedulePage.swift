import Mustache

/// What `calendar_reschedule.mustache` draws: the next two weeks' free times for an appointment, to pick one.
struct CalendarReschedulePage {
    struct DayLink { let label: String; let href: String; let count: Int; let selected: Bool }
    struct Time { let value: String; let label: String }
    let chrome: Chrome
    let id: String
    let summary: String
    let canMove: Bool
    let days: [DayLink]
    let dayLabel: String
    let times: [Time]
    let anyTherapist: Bool
    let sameLink: String
    let anyLink: String
    let therapist: String
    let problem: String?
    let backLink: String
    /// The fortnight before (not before today) and after the one shown.
    let earlier: String?
    let later: String
}

extension CalendarReschedulePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "id": id
        case "summary": summary
        case "canMove": canMove
        case "days": days
        case "dayLabel": dayLabel
        case "times": times
        case "anyTherapist": anyTherapist
        case "sameLink": sameLink
        case "anyLink": anyLink
        case "therapist": therapist
        case "problem": problem
        case "backLink": backLink
        case "earlier": earlier
        case "later": later
        default: nil
        }
    }
}

extension CalendarReschedulePage.DayLink: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "href": href
        case "count": count
        case "selected": selected
        default: nil
        }
    }
}

extension CalendarReschedulePage.Time: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "value": value
        case "label": label
        default: nil
        }
    }
}
