import Mustache

/// The model `book_confirm.mustache` draws.
struct BookingConfirmPage {
    struct Hidden { let name: String; let value: String }
    let chrome: Chrome
    let serviceName: String
    /// What the client will pay, tax included: "$135.60 (includes $15.60 HST)".
    let price: String
    /// "Tuesday 1 December at 1:00 p.m." on the clinic's clock.
    let when: String
    /// When changing a time, the appointment's present one.
    let movingFrom: String?
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
        case "movingFrom": movingFrom
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
