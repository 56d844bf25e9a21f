import Mustache

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
