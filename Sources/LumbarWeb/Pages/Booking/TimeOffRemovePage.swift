import Mustache

/// The confirmation asked before time off is removed.
/// Drawn by `time_off_remove.mustache`.
struct TimeOffRemovePage {
    let chrome: Chrome
    let entry: TimeOffPage.Row
}

extension TimeOffRemovePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "entry": entry
        default: nil
        }
    }
}
