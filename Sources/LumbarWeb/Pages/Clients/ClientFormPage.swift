import Mustache

/// The model `client_new.mustache` draws.
struct ClientFormPage {
    let chrome: Chrome
    let fields: [FieldView]
    /// The booking form the user came from, gone back to once the client is registered (its address).
    let back: String?
    /// That form in words ("booking", "past visit").
    let backTo: String?
}

extension ClientFormPage {
    init(chrome: Chrome, fields: [FieldView], returning: ClientReturn? = nil) {
        self.init(chrome: chrome, fields: fields, back: returning?.address, backTo: returning.map { $0.path == "/calendar/past" ? "past visit" : "booking" })
    }
}

extension ClientFormPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fields": fields
        case "back": back
        case "backTo": backTo
        default: nil
        }
    }
}
