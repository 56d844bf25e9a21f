import Mustache

/// A therapist's clients today, in time order, as `today_therapist.mustache` draws them on the home page.
struct TherapistTodayPanel: Sendable {
    struct Card: Sendable {
        let clientId: String
        let name: String
        let time: String
        let detail: String
        let badges: [TodayBadge]
        /// No note yet: the card's button starts one.
        let startNote: Bool
        /// A note begun or signed: its page, and what the link says.
        let noteHref: String?
        let noteLabel: String?
        /// The first visit still to come: marked as next.
        let isNext: Bool
        /// The next visit has begun: the card says "Now".
        var underWay = false
    }

    let heading: String
    let summary: String
    let cards: [Card]
    let hasCards: Bool
}

extension TherapistTodayPanel: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "heading": heading
        case "summary": summary
        case "cards": cards
        case "hasCards": hasCards
        default: nil
        }
    }
}

extension TherapistTodayPanel.Card: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "clientId": clientId
        case "name": name
        case "time": time
        case "detail": detail
        case "badges": badges
        case "startNote": startNote
        case "noteHref": noteHref
        case "noteLabel": noteLabel
        case "isNext": isNext
        case "underWay": underWay
        default: nil
        }
    }
}
