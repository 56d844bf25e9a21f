import Mustache

/// Everyone on the clinic side with how they stand (active, invited, retired), and the invitation form.
/// Drawn by `staff.mustache`.
struct StaffPage {
    struct StaffRow {
        let id: String
        let name: String
        let role: String
        let email: String
        let registration: String?
        let twoFactor: String
        let editable: Bool
        let retired: Bool
        let invitationPending: Bool
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
        case "id": id
        case "name": name
        case "role": role
        case "email": email
        case "registration": registration
        case "twoFactor": twoFactor
        case "editable": editable
        case "retired": retired
        case "invitationPending": invitationPending
        default: nil
        }
    }
}
