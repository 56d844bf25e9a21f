import Mustache

/// The model `recovery.mustache` draws.
struct RecoveryCodesPage {
    let chrome: Chrome
    let codes: [String]
}

extension RecoveryCodesPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "codes": codes
        default: nil
        }
    }
}
