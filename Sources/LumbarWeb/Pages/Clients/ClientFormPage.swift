import Mustache

struct ClientFormPage {
    let chrome: Chrome
    let fields: [FieldView]
}
