import Mustache

/// A form that changes one thing (a location, a service, a staff member, time off), with a way back.
/// Drawn by `setup_edit.mustache`.
struct EditPage {
    struct Checkbox { let name: String; let label: String; let checked: Bool }

    let chrome: Chrome
    let heading: String
    let intro: String?
    let action: String
    let fields: [FieldView]
    let checkboxes: [Checkbox]
    let button: String
    let back: String
    /// The retire (or restore) link beside the form, when the thing can be retired.
    let retireHref: String?
    let retireLabel: String?
}

extension EditPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "intro": intro
        case "action": action
        case "fields": fields
        case "checkboxes": checkboxes
        case "button": button
        case "back": back
        case "retireHref": retireHref
        case "retireLabel": retireLabel
        default: nil
        }
    }
}

extension EditPage.Checkbox: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "name": name
        case "label": label
        case "checked": checked
        default: nil
        }
    }
}
