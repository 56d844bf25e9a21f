import Mustache

/// The booking set-up overview: what is left to set up, and what is set up so far.
/// Drawn by `scheduling.mustache`.
struct SchedulingPage {
    struct Count { let label: String; let href: String; let link: String }

    let chrome: Chrome
    let nav: SetupNav
    let checklist: SetupChecklistPanel
    let counts: [Count]
}

extension SchedulingPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "nav": nav
        case "checklist": checklist
        case "counts": counts
        default: nil
        }
    }
}

extension SchedulingPage.Count: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "href": href
        case "link": link
        default: nil
        }
    }
}
