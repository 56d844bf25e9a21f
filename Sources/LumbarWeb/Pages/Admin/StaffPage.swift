import Mustache

/// The model `staff.mustache` draws.
struct StaffPage {
    struct StaffRow {
        let name: String
        let role: String
        let email: String
        let registration: String
        let twoFactor: String
    }

    let chrome: Chrome
    let staff: [StaffRow]
    let fields: [FieldView]
}

extension StaffPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "staff": staff
        case "fields": fields
        default: nil
        }
    }
}

extension StaffPage.StaffRow: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "role": role
        case "email": email
        case "registration": registration
        case "twoFactor": twoFactor
        default: nil
        }
    }
}
