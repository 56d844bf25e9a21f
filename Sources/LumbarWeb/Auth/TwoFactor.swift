import Foundation
import HummingbirdOTP

/// Time-based one-time codes (RFC 6238, 30-second steps, 6 digits).
public enum TwoFactor {
    static let stepSeconds: Int64 = 30

    /// The 30-second step a moment falls in (RFC 6238's T).
    static func step(at date: Date) -> Int64 { Int64((date.timeIntervalSince1970 / Double(stepSeconds)).rounded(.down)) }

    /// The step whose code this is: the current one or one either side, for clock drift, but never `lastUsed` or
    /// earlier, so a code that was accepted once (or an older one) is refused (RFC 6238 §5.2). Nil when none matches.
    static func acceptedStep(code: String, secret: String, at date: Date, after lastUsed: Int64?) -> Int64? {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits) else { return nil }
        let totp = TOTP(secret: secret)
        let now = step(at: date)
        return (now - 1...now + 1).first { candidate in
            candidate > (lastUsed ?? .min)
                && totp.compute(date: Date(timeIntervalSince1970: Double(candidate * stepSeconds))) == value
        }
    }

    /// The key URI an authenticator app scans (Google Authenticator's otpauth format): the label "issuer:account"
    /// and the issuer parameter, each percent-encoded, then the settings this server checks codes with.
    public static func authenticatorURL(secret: String, account: String, issuer: String) -> String {
        let issuer = percentEncoded(issuer)
        return "otpauth://totp/\(issuer):\(percentEncoded(account))?secret=\(base32(secret))&issuer=\(issuer)"
            + "&algorithm=SHA1&digits=6&period=\(stepSeconds)"
    }

    /// Every byte of the UTF-8 but RFC 3986's unreserved characters as %XX, so spaces, "&", ":" and "@" survive.
    static func percentEncoded(_ text: String) -> String {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        let hex = Array("0123456789ABCDEF")
        var result = ""
        for byte in text.utf8 {
            if unreserved.contains(byte) {
                result.append(Character(Unicode.Scalar(byte)))
            } else {
                result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0x0F)])
            }
        }
        return result
    }

    /// The secret as an authenticator app expects it typed in by hand (base32 of the secret's bytes).
    public static func base32(_ secret: String) -> String {
        let url = TOTP(secret: secret).createAuthenticatorURL(label: "x", issuer: "x")
        guard let range = url.range(of: "secret=") else { return secret }
        return String(url[range.upperBound...].prefix { $0 != "&" })
    }
}

extension TwoFactor {
    static let usedCodeMessage = "That code has already been used. Wait for your app to show a new one (every 30 seconds) and enter that."
}
