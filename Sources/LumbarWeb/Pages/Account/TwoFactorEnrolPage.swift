import LumbarCore
import Mustache

/// The model `enrol.mustache` draws: the key URI as a QR code to scan, and the key in groups of four to type.
struct TwoFactorEnrolPage {
    let chrome: Chrome
    /// The key in base32, as an authenticator app takes it typed in.
    let secret: String
    let url: String
    let required: Bool
    let error: String?
    /// Markup `QRCodeSVG` wrote (its one text, the label, escaped); the template inserts it as it is.
    let qrSVG: String

    init(chrome: Chrome, secret: String, url: String, required: Bool, error: String?) throws {
        self.chrome = chrome
        self.secret = secret
        self.url = url
        self.required = required
        self.error = error
        qrSVG = QRCodeSVG(try QRCode.encode(url)).markup(label: "QR code for your authenticator app", pixels: 220)
    }

    /// "ABCD", "EFGH", …: shown apart so the key is easy to read out and type, copied whole.
    var keyGroups: [String] {
        stride(from: 0, to: secret.count, by: 4).map { String(secret.dropFirst($0).prefix(4)) }
    }
}

extension TwoFactorEnrolPage: MustacheParent {
    func child(named: String) -> Any? {
        switch named {
        case "chrome": chrome
        case "secret": secret
        case "keyGroups": keyGroups
        case "url": url
        case "qrSVG": qrSVG
        case "required": required
        case "error": error
        default: nil
        }
    }
}
