import Mustache

/// The model `settings_clinic.mustache` draws: the clinic's name, address, zone and HST number, to correct.
struct ClinicDetailsPage {
    let chrome: Chrome
    let fields: [FieldView]
}

extension ClinicDetailsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "fields": fields
        default: nil
        }
    }
}
