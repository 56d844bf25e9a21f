import Mustache

/// The model `setup.mustache` draws.
struct SetupPage {
    let chrome: Chrome
    let clinicFields: [FieldView]
    let ownerFields: [FieldView]
}

extension SetupPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clinicFields": clinicFields
        case "ownerFields": ownerFields
        default: nil
        }
    }
}
