import Mustache

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
