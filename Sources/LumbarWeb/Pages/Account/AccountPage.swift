import Mustache

/// The model `account.mustache` draws.
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

extension AccountPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "twoFactor": twoFactor
        case "isStaff": isStaff
        case "isTherapist": isTherapist
        case "hasFeed": hasFeed
        case "tokens": tokens
        case "tokenFields": tokenFields
        case "newToken": newToken
        default: nil
        }
    }
}

extension AccountPage.TokenRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "createdAt": createdAt
        case "lastUsedAt": lastUsedAt
        case "status": status
        case "active": active
        default: nil
        }
    }
}
