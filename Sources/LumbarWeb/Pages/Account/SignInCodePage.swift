import Mustache

struct SignInCodePage {
    let chrome: Chrome
    let error: String?
}
