import Mustache

struct SetupPage {
    let chrome: Chrome
    let clinicFields: [FieldView]
    let ownerFields: [FieldView]
    let zones: [String]
}
