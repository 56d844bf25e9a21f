import Mustache

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
