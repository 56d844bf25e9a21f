import Mustache

/// The model `consent.mustache` draws.
struct ConsentPage: Sendable {
    struct Section: Sendable { let heading: String; let body: String }
    let chrome: Chrome
    let action: String
    let kind: String
    let title: String
    let sections: [Section]
    let version: String
    let signerName: String
    let signatureData: String
    let nameError: String?
    let agreeError: String?
    let signatureError: String?
    let skip: String?
}

extension ConsentPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "action": action
        case "kind": kind
        case "title": title
        case "sections": sections
        case "version": version
        case "signerName": signerName
        case "signatureData": signatureData
        case "nameError": nameError
        case "agreeError": agreeError
        case "signatureError": signatureError
        case "skip": skip
        default: nil
        }
    }
}

extension ConsentPage.Section: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "heading": heading
        case "body": body
        default: nil
        }
    }
}
