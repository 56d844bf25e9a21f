import Mustache

/// The question a client is asked before buying a package online. Drawn by `portal_package.mustache`.
struct PortalPackagePage: Sendable {
    struct Point: Sendable {
        let text: String
    }

    let chrome: Chrome
    let heading: String
    let points: [Point]
    let action: String
}

// MARK: - Mustache

extension PortalPackagePage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "heading": heading
        case "points": points
        case "action": action
        default: nil
        }
    }
}

extension PortalPackagePage.Point: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}
