import Mustache

/// What `calendar_new.mustache` draws: booking for a client at a chosen time, or recording a visit that already
/// happened; the client is found with the type-ahead client picker, never picked from a list of everyone.
struct CalendarBookingPage {
    let chrome: Chrome
    let heading: String
    let intro: String
    let summary: String?
    let picker: ClientPicker
    let action: String
    let locationId: String
    let fields: [FieldView]
    let problem: String?
    let pastLink: String?
    let button: String
    let calendarLink: String
}

extension CalendarBookingPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "intro": intro
        case "summary": summary
        case "picker": picker
        case "action": action
        case "locationId": locationId
        case "fields": fields
        case "problem": problem
        case "pastLink": pastLink
        case "button": button
        case "calendarLink": calendarLink
        default: nil
        }
    }
}
