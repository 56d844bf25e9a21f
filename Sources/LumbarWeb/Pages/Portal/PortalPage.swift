import Mustache

/// The model `portal.mustache` draws: the client's own page, in the order a client looks for things.
struct PortalPage {
    struct Link { let label: String; let link: String }
    /// An upcoming appointment, with what the client may do about it online.
    struct Visit {
        let id: String
        /// "Tue 1 Dec, 1:00 p.m."
        let when: String
        /// "Tuesday 1 December at 1:00 p.m."
        let day: String
        let service: String
        let therapist: String
        let place: String
        /// Nil inside the cancellation window, when a change is by phone.
        let changeLink: String?
        /// Why the time cannot be changed online now, and what cancelling costs.
        let late: String?
        /// The visit has begun: no change, cancel or calendar buttons.
        var underWay = false
    }
    struct Past { let when: String; let service: String; let status: String }
    /// One form: its state in a word or two ("Done", "To sign"), a line about it, and what to do next.
    struct Form {
        let label: String
        let state: String
        let done: Bool
        let detail: String
        var link: String?
        var action: String?
        var withdrawId: String?
    }
    struct Program { let exercises: String; let progress: String }
    struct Receipt { let id: String; let label: String; let issued: String }
    struct Note { let when: String; let therapist: String }
    /// A line about the client's account: a package's visits left, credit on account, what is owed.
    struct AccountLine { let text: String }
    /// A package the clinic sells, with the link to buy it.
    struct Offer { let text: String; let link: String }

    let chrome: Chrome
    let firstName: String
    let upcoming: [Visit]
    let bookAgain: Link?
    let bookingPaused: String?
    let intake: Form
    let consents: [Form]
    let questionnaires: [Link]
    let program: Program?
    let receipts: [Receipt]
    let account: [AccountLine]
    let offers: [Offer]
    /// "3 visit notes": the signed notes the record holds.
    let noteCount: String
    let notes: [Note]
    let past: [Past]
}

extension PortalPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "firstName": firstName
        case "upcoming": upcoming
        case "bookAgain": bookAgain
        case "bookingPaused": bookingPaused
        case "intake": intake
        case "consents": consents
        case "questionnaires": questionnaires
        case "program": program
        case "receipts": receipts
        case "account": account
        case "offers": offers
        case "noteCount": noteCount
        case "notes": notes
        case "past": past
        default: nil
        }
    }
}

extension PortalPage.Link: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "link": link
        default: nil
        }
    }
}

extension PortalPage.Visit: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "when": when
        case "day": day
        case "service": service
        case "therapist": therapist
        case "place": place
        case "changeLink": changeLink
        case "late": late
        case "underWay": underWay
        default: nil
        }
    }
}

extension PortalPage.Past: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "when": when
        case "service": service
        case "status": status
        default: nil
        }
    }
}

extension PortalPage.Form: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "label": label
        case "state": state
        case "done": done
        case "detail": detail
        case "link": link
        case "action": action
        case "withdrawId": withdrawId
        default: nil
        }
    }
}

extension PortalPage.Program: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "exercises": exercises
        case "progress": progress
        default: nil
        }
    }
}

extension PortalPage.Receipt: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "label": label
        case "issued": issued
        default: nil
        }
    }
}

extension PortalPage.Note: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "when": when
        case "therapist": therapist
        default: nil
        }
    }
}

extension PortalPage.AccountLine: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        default: nil
        }
    }
}

extension PortalPage.Offer: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "text": text
        case "link": link
        default: nil
        }
    }
}
