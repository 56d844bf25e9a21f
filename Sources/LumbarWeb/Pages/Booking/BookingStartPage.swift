import LumbarCore
import Mustache

/// The model `book.mustache` draws.
struct BookingStartPage {
    struct Choice { let id: String; let name: String; var minutes = 0; var price = ""; var address = ""; var first = false }

    let chrome: Chrome
    let services: [Choice]
    let hasServices: Bool
    let locations: [Choice]
    let showLocations: Bool
    let therapists: [Choice]
    let rescheduleId: String?
    /// Why this client may not book online now (their intake triage), if so.
    let blocked: TriageAdvice?
}

extension BookingStartPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "services": services
        case "hasServices": hasServices
        case "locations": locations
        case "showLocations": showLocations
        case "therapists": therapists
        case "rescheduleId": rescheduleId
        case "blocked": blocked
        default: nil
        }
    }
}

extension BookingStartPage.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "minutes": minutes
        case "price": price
        case "address": address
        case "first": first
        default: nil
        }
    }
}
