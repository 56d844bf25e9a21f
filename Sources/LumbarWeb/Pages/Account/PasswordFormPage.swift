import Mustache

struct PasswordFormPage {
    let chrome: Chrome
    let fields: [FieldView]
    var sent = false
    var token = ""
}
