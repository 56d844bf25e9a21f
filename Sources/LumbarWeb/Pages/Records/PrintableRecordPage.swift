import LumbarCore
import Mustache

/// The model `record.mustache` draws.
struct PrintableRecordPage: Sendable {
    struct Section: Sendable {
        struct Entry: Sendable { let heading: String; let lines: [String] }
        let title: String
        let entries: [Entry]
    }

    let chrome: Chrome
    let client: Client
    let clinicName: String
    let printed: String
    let sections: [Section]
    let backLink: String
}

extension PrintableRecordPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "client": client
        case "clinicName": clinicName
        case "printed": printed
        case "sections": sections
        case "backLink": backLink
        default: nil
        }
    }
}

extension PrintableRecordPage.Section: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "title": title
        case "entries": entries
        default: nil
        }
    }
}

extension PrintableRecordPage.Section.Entry: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "heading": heading
        case "lines": lines
        default: nil
        }
    }
}
