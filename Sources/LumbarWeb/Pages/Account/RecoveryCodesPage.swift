import Mustache

struct RecoveryCodesPage {
    let chrome: Chrome
    let codes: [String]
}
