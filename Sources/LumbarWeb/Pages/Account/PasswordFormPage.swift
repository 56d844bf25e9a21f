import Mustache

/// The model `forgot.mustache` and `reset.mustache` draw.
struct PasswordFormPage {
    let chrome: Chrome
    let fields: [FieldView]
    var sent = false
    var token = ""
}

extension PasswordFormPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fields": fields
        case "sent": sent
        case "token": token
        default: nil
        }
    }
}
