import Mustache

/// The model `book_confirm.mustache` draws.
struct BookingConfirmPage {
    struct Hidden { let name: String; let value: String }
    let chrome: Chrome
    let serviceName: String
    let price: String
    let when: String
    let therapistName: String
    let locationName: String
    let address: String
    let problem: String?
    let hidden: [Hidden]
    let signedIn: Bool
    let returnTo: String
    let accountFields: [FieldView]
    let windowHours: Int
    let fee: String?
}

extension BookingConfirmPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "serviceName": serviceName
        case "price": price
        case "when": when
        case "therapistName": therapistName
        case "locationName": locationName
        case "address": address
        case "problem": problem
        case "hidden": hidden
        case "signedIn": signedIn
        case "returnTo": returnTo
        case "accountFields": accountFields
        case "windowHours": windowHours
        case "fee": fee
        default: nil
        }
    }
}

extension BookingConfirmPage.Hidden: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "value": value
        default: nil
        }
    }
}
