import LumbarCore
import Mustache

/// A client chosen by typing, as `client_picker.mustache` draws it inside another page's form: the search box, the
/// hidden field the chosen client's id goes in, and, when the page was sent a search without script, the matches as
/// radio buttons of that same field. `ClientFinder.picker` fills one from what the form sent.
struct ClientPicker: Sendable {
    /// One client offered, as the list and the chosen line show them.
    struct Choice: Sendable {
        let id: String
        let name: String
        /// The date of birth as people read it ("7 Mar 1984").
        let born: String?
        let phone: String?
        let email: String?
        let href: String
        let checked: Bool

        init(_ client: Client, checked: Bool = false) {
            id = client.id
            name = client.fullName
            born = client.dateOfBirth.map(Self.spoken)
            phone = client.phone.isEmpty ? nil : client.phone
            email = client.email.isEmpty ? nil : client.email
            href = "/clients/\(client.id)"
            self.checked = checked
        }

        static func spoken(_ date: LocalDate) -> String { "\(date.day) \(date.monthName.prefix(3)) \(date.year)" }
    }

    /// The form field the chosen client's id is sent in (e.g. "client").
    let field: String
    /// The label above the search box.
    let label: String
    /// The name (and id) of the search box itself; a page with two pickers gives each its own.
    let queryName: String
    /// What was typed, kept when the form comes back.
    let query: String
    /// The chosen client, if any.
    let chosen: Choice?
    /// Server-drawn matches for `query` (the page without script): radio buttons of `field`.
    let matches: [Choice]
    /// A search was made and found nobody.
    let noMatches: Bool
    /// The problem beside the field (nobody chosen, the search too long).
    let error: String?
    /// Where the Find button sends the form by GET (a page whose form is itself a GET); nil: the enclosing form is
    /// sent as it is, with `find=1`, and its handler shows the form again with the matches (`ClientFinder.wantsFind`).
    let findAction: String?
    /// Choosing a client opens their record instead of filling a field (the client list).
    let navigates: Bool
    /// The box takes the cursor when the page opens: a booking whose first step is finding the client.
    var autofocus = false

    init(field: String = "client", label: String = "Client", queryName: String? = nil, query: String = "", chosen: Client? = nil,
         matches: [Client] = [], searched: Bool = false, error: String? = nil, findAction: String? = nil, navigates: Bool = false) {
        self.field = field
        self.label = label
        self.queryName = queryName ?? field + "-search"
        self.query = query
        self.chosen = chosen.map { Choice($0) }
        // A search that finds one client chooses them; the radio button still shows who it is.
        self.matches = matches.map { Choice($0, checked: $0.id == chosen?.id || matches.count == 1) }
        noMatches = searched && matches.isEmpty
        self.error = error
        self.findAction = findAction
        self.navigates = navigates
    }

    var hasMatches: Bool { !matches.isEmpty }
    var chosenId: String { chosen?.id ?? "" }
    var limit: Int { ClientQuery.limit.characters }
}

extension ClientPicker.Choice: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "id": id
        case "name": name
        case "born": born
        case "phone": phone
        case "email": email
        case "href": href
        case "checked": checked
        default: nil
        }
    }
}

extension ClientPicker: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "field": field
        case "label": label
        case "queryName": queryName
        case "query": query
        case "chosen": chosen
        case "matches": matches
        case "noMatches": noMatches
        case "error": error
        case "findAction": findAction
        case "navigates": navigates
        case "autofocus": autofocus
        case "hasMatches": hasMatches
        case "chosenId": chosenId
        case "limit": limit
        default: nil
        }
    }
}
