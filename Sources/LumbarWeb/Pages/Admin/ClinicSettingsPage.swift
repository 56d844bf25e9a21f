import LumbarCore
import Mustache

/// The model `settings.mustache` draws.
struct ClinicSettingsPage {
    let chrome: Chrome
    let clinic: ClinicProfile
    let fields: [FieldView]
    let ruleFields: [FieldView]
}

extension ClinicSettingsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clinic": clinic
        case "fields": fields
        case "ruleFields": ruleFields
        default: nil
        }
    }
}
