import Mustache

struct LoginPage {
    let chrome: Chrome
    let email: String
    let error: String?
    var next: String?
}
