import LumbarCore
import Mustache

/// The model `clients.mustache` draws: the search box, and either the matches for what was typed or the clients
/// registered most recently with how many there are in all (never every client).
struct ClientListPage {
    let chrome: Chrome
    let picker: ClientPicker
    let clients: [ClientPicker.Choice]
    /// How many clients the person may see in all.
    let total: Int
    /// A search was made (the list holds its matches, not the newest clients).
    let searched: Bool
    let canCreate: Bool
    let scoped: Bool

    var totalText: String { total == 1 ? "1 client" : "\(total.formatted) clients" }
    var showsSome: Bool { !searched && total > clients.count }
    /// The search found as many as a page shows: there may be more.
    var manyMatches: Bool { searched && clients.count >= ClientListPage.shownMatches }

    static let shownMatches = 25
}

extension ClientListPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "picker": picker
        case "clients": clients
        case "total": total
        case "searched": searched
        case "canCreate": canCreate
        case "scoped": scoped
        case "totalText": totalText
        case "showsSome": showsSome
        case "manyMatches": manyMatches
        default: nil
        }
    }
}

private extension Int {
    /// 100000 as "100,000".
    var formatted: String {
        let digits = String(self)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
