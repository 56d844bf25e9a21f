import Mustache

/// The model `home.mustache` draws.
struct HomePage {
    struct Alert { let clientId: String; let name: String; let urgency: String; let when: String }

    let chrome: Chrome
    let clinical: Bool
    let alerts: [Alert]
    let hasAlerts: Bool
}

extension HomePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clinical": clinical
        case "alerts": alerts
        case "hasAlerts": hasAlerts
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
