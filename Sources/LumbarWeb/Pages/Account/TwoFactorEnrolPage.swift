import Mustache

struct TwoFactorEnrolPage {
    let chrome: Chrome
    let secret: String
    let url: String
    let required: Bool
    let error: String?
}
