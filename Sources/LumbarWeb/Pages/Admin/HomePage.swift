import Mustache

struct HomePage {
    struct Alert { let clientId: String; let name: String; let urgency: String; let when: String }

    let chrome: Chrome
    let clinical: Bool
    let alerts: [Alert]
    let hasAlerts: Bool
}
