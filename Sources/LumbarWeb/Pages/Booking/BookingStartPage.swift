import LumbarCore
import Mustache

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
