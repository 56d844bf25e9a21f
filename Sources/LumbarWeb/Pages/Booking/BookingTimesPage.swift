import Mustache

/// The model `book_times.mustache` draws.
struct BookingTimesPage {
    struct Day { let label: String; let link: String; let selected: Bool; let open: Bool }
    struct Time { let label: String; let link: String }
    let chrome: Chrome
    let serviceName: String
    let locationName: String
    let therapistName: String?
    let timeZone: String
    let problem: String?
    let days: [Day]
    let dayLabel: String
    let times: [Time]
}

extension BookingTimesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "serviceName": serviceName
        case "locationName": locationName
        case "therapistName": therapistName
        case "timeZone": timeZone
        case "problem": problem
        case "days": days
        case "dayLabel": dayLabel
        case "times": times
        default: nil
        }
    }
}

extension BookingTimesPage.Day: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "link": link
        case "selected": selected
        case "open": open
        default: nil
        }
    }
}

extension BookingTimesPage.Time: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "link": link
        default: nil
        }
    }
}
