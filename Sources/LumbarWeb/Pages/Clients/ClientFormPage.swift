import Mustache

/// The model `client_new.mustache` draws.
struct ClientFormPage {
    let chrome: Chrome
    let fields: [FieldView]
}

extension ClientFormPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fields": fields
        default: nil
        }
    }
}
