import Mustache

/// The small menu across the booking set-up pages; `current` marks the page shown.
struct SetupNav {
    struct Item { let href: String; let label: String; let current: Bool }

    let items: [Item]

    init(current: String) {
        items = [("/scheduling", "Overview"), ("/scheduling/locations", "Locations"), ("/scheduling/services", "Services"),
                 ("/scheduling/hours", "Hours"), ("/scheduling/time-off", "Time off"), ("/scheduling/rules", "Booking rules"), ("/packages", "Packages")]
            .map { Item(href: $0.0, label: $0.1, current: $0.0 == current) }
    }
}

extension SetupNav: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "items": items
        default: nil
        }
    }
}

extension SetupNav.Item: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "href": href
        case "label": label
        case "current": current
        default: nil
        }
    }
}
