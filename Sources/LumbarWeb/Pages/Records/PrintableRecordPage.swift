import LumbarCore
import Mustache

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
}
