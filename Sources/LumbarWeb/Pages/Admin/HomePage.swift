import Mustache

/// The model `home.mustache` draws: for a therapist and the front desk their Today, for the owner their home (with
/// their own Today when they treat clients too), for a client the way to their record.
struct HomePage {
    struct Alert { let clientId: String; let name: String; let urgency: String; let when: String }

    let chrome: Chrome
    let clinical: Bool
    let alerts: [Alert]
    let hasAlerts: Bool
    /// The signed-in therapist's clients today.
    let today: TherapistTodayPanel?
    /// The front desk's day.
    let desk: FrontDeskPanel?
    /// The tiles to the clinic's pages (the owner's and a client's home; Today replaces them for the others).
    let tiles: Bool
    /// The owner's set-up checklist, until the clinic can take online bookings (and the line saying it can).
    var checklist: SetupChecklistPanel? = nil
}

extension HomePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clinical": clinical
        case "alerts": alerts
        case "hasAlerts": hasAlerts
        case "today": today
        case "desk": desk
        case "tiles": tiles
        case "checklist": checklist
        default: nil
        }
    }
}

extension HomePage.Alert: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "clientId": clientId
        case "name": name
        case "urgency": urgency
        case "when": when
        default: nil
        }
    }
}
