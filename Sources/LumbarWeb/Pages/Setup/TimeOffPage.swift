import Mustache

/// Therapists' time off still to come, each with Edit and Remove, and the form to add more.
/// Drawn by `scheduling_time_off.mustache`.
struct TimeOffPage {
    struct Row { let id: String; let therapist: String; let days: String; let note: String? }

    let chrome: Chrome
    let nav: SetupNav
    let rows: [Row]
    let fields: [FieldView]
}

extension TimeOffPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "rows": rows
        case "fields": fields
        default: nil
        }
    }
}

extension TimeOffPage.Row: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "therapist": therapist
        case "days": days
        case "note": note
        default: nil
        }
    }
}
