import Mustache

struct AccountPage {
    struct TokenRow {
        let id: String
        let name: String
        let createdAt: String
        let lastUsedAt: String
        let status: String
        let active: Bool
    }

    let chrome: Chrome
    let twoFactor: Bool
    let isStaff: Bool
    let isTherapist: Bool
    let hasFeed: Bool
    let tokens: [TokenRow]
    let tokenFields: [FieldView]
    var newToken: String?
}
