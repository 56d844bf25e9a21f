import LumbarCore
import Mustache

struct ClinicSettingsPage {
    let chrome: Chrome
    let clinic: ClinicProfile
    let fields: [FieldView]
    let ruleFields: [FieldView]
}
