import Mustache

/// The model `intake_result.mustache` draws.
struct IntakeResultPage: Sendable {
    let chrome: Chrome
    let base: String
    let urgency: String
    let title: String
    let lead: String
    let tell: [String]
    let alarm: Bool
    let emergency: Bool
    let canConsent: Bool
    let consentGiven: Bool
    let kiosk: Bool
}

extension IntakeResultPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "base": base
        case "urgency": urgency
        case "title": title
        case "lead": lead
        case "tell": tell
        case "alarm": alarm
        case "emergency": emergency
        case "canConsent": canConsent
        case "consentGiven": consentGiven
        case "kiosk": kiosk
        default: nil
        }
    }
}
