import Mustache

struct ErrorPage {
    let chrome: Chrome
    let heading: String
    let message: String
}
