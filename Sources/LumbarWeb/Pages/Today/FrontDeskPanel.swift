import Mustache

/// The front desk's day, as `today_desk.mustache` draws it: arrivals, what is owed, tomorrow's unconfirmed visits.
/// Nothing clinical: names, times, who with, and whether the intake is done.
struct FrontDeskPanel: Sendable {
    struct Visit: Sendable {
        let appointmentId: String
        let clientId: String
        let name: String
        let time: String
        let detail: String
        let badges: [TodayBadge]
        let hasBadges: Bool
        /// Still booked: the row offers "Mark arrived" (today) or "Mark confirmed" (tomorrow).
        let actionable: Bool
        let phone: String
        let phoneHref: String
    }

    struct Owing: Sendable {
        let clientId: String
        let name: String
        let time: String
        let detail: String
        let amount: String
    }

    let dayLabel: String
    let tomorrowLabel: String
    let summary: String
    let arrivals: [Visit]
    let hasArrivals: Bool
    let owing: [Owing]
    let hasOwing: Bool
    let owingTotal: String
    let unconfirmed: [Visit]
    let hasUnconfirmed: Bool
}

extension FrontDeskPanel: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "dayLabel": dayLabel
        case "tomorrowLabel": tomorrowLabel
        case "summary": summary
        case "arrivals": arrivals
        case "hasArrivals": hasArrivals
        case "owing": owing
        case "hasOwing": hasOwing
        case "owingTotal": owingTotal
        case "unconfirmed": unconfirmed
        case "hasUnconfirmed": hasUnconfirmed
        default: nil
        }
    }
}

extension FrontDeskPanel.Visit: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "appointmentId": appointmentId
        case "clientId": clientId
        case "name": name
        case "time": time
        case "detail": detail
        case "badges": badges
        case "hasBadges": hasBadges
        case "actionable": actionable
        case "phone": phone
        case "phoneHref": phoneHref
        default: nil
        }
    }
}

extension FrontDeskPanel.Owing: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "clientId": clientId
        case "name": name
        case "time": time
        case "detail": detail
        case "amount": amount
        default: nil
        }
    }
}
