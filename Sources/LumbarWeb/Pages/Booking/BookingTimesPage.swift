import Mustache

/// The model `book_times.mustache` draws: a fortnight of days, the chosen day's free times in the clinic's style, and
/// when that day has none, the next day that has.
struct BookingTimesPage {
    struct Day { let label: String; let link: String; let selected: Bool; let open: Bool }
    struct Time { let label: String; let link: String }
    struct Link { let label: String; let link: String }
    let chrome: Chrome
    let serviceName: String
    /// What the client will pay, tax included.
    let price: String
    let locationName: String
    let therapistName: String?
    /// When changing a time: the appointment's present time ("Tue 1 Dec, 1:00 p.m."), and its id.
    let moving: String?
    let movingId: String?
    let problem: String?
    let days: [Day]
    let dayLabel: String
    let times: [Time]
    let nextFree: Link?
    /// The fortnight before and after the one shown, where clients may book.
    let earlier: String?
    let later: String?
    /// The same day with anyone free, when one therapist was chosen.
    let anyoneLink: String?
}

extension BookingTimesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "serviceName": serviceName
        case "price": price
        case "locationName": locationName
        case "therapistName": therapistName
        case "moving": moving
        case "movingId": movingId
        case "problem": problem
        case "days": days
        case "dayLabel": dayLabel
        case "times": times
        case "nextFree": nextFree
        case "earlier": earlier
        case "later": later
        case "anyoneLink": anyoneLink
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

extension BookingTimesPage.Link: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "link": link
        default: nil
        }
    }
}
