import Mustache

/// What `client.mustache` draws: the layout, with the record's main part already written (`ClientRecordHTML`).
struct ClientRecordLayoutPage {
    let chrome: Chrome
    let title: String
    /// Markup `ClientRecordHTML` wrote, every value in it escaped; the template inserts it as it is.
    let body: String
}

extension ClientRecordLayoutPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "title": title
        case "body": body
        default: nil
        }
    }
}
