import Mustache

/// What `calendar_new.mustache` draws: booking for a client at a chosen time, or recording a visit that already
/// happened; the client is found by searching, never picked from a list of everyone.
struct CalendarBookingPage {
    /// A field carried through the search form, so a search keeps what else was chosen.
    struct Hidden { let name: String; let value: String }
    /// A client the search found.
    struct Choice { let id: String; let label: String; let checked: Bool }
    let chrome: Chrome
    let heading: String
    let intro: String
    let summary: String?
    let searchAction: String
    let carry: [Hidden]
    let q: String
    let searched: Bool
    let choices: [Choice]
    let clientField: String
    let clientError: String?
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
        case "searchAction": searchAction
        case "carry": carry
        case "q": q
        case "searched": searched
        case "choices": choices
        case "clientField": clientField
        case "clientError": clientError
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

extension CalendarBookingPage.Hidden: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "value": value
        default: nil
        }
    }
}

extension CalendarBookingPage.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}
