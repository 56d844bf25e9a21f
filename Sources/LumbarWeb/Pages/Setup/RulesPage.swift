import Mustache

/// The clinic's booking rules: notice, how far ahead, start-time step, cancellation window and fee.
/// Drawn by `scheduling_rules.mustache`.
struct RulesPage {
    let chrome: Chrome
    let nav: SetupNav
    let fields: [FieldView]
}

extension RulesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "fields": fields
        default: nil
        }
    }
}
