import Mustache

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
