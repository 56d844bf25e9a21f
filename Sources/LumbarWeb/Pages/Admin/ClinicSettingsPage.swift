import LumbarCore
import Mustache

/// The model `settings.mustache` draws.
struct ClinicSettingsPage {
    let chrome: Chrome
    let clinic: ClinicProfile
    let fields: [FieldView]
    let ruleFields: [FieldView]
    /// The clinic's zone as people read it ("Eastern (Toronto, Ottawa, Montréal)").
    let zoneName: String
}

extension ClinicSettingsPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "clinic": clinic
        case "fields": fields
        case "ruleFields": ruleFields
        case "zoneName": zoneName
        default: nil
        }
    }
}
