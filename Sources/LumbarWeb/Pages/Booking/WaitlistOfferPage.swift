import Mustache

struct WaitlistOfferPage {
    let chrome: Chrome
    let live: Bool
    let token: String
    let service: String
    let when: String
    let until: String
    let message: String
}
