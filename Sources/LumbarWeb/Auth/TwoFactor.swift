import Foundation
import HummingbirdOTP

/// Time-based one-time codes (RFC 6238, 30-second steps, 6 digits).
enum TwoFactor {
    /// Accepts the current code and one step either side, for clock drift.
    static func verify(code: String, secret: String, at date: Date) -> Bool {
        let digits = code.filter(\.isNumber)
        guard digits.count == 6, let value = Int(digits) else { return false }
        let totp = TOTP(secret: secret)
        return [-30.0, 0, 30].contains { totp.compute(date: date.addingTimeInterval($0)) == value }
    }

    static func authenticatorURL(secret: String, account: String, issuer: String) -> String {
        TOTP(secret: secret).createAuthenticatorURL(label: account, issuer: issuer)
    }

    /// The secret as an authenticator app expects it typed in by hand (base32 of the secret's bytes).
    static func base32(_ secret: String) -> String {
        let url = authenticatorURL(secret: secret, account: "x", issuer: "x")
        guard let range = url.range(of: "secret=") else { return secret }
        return String(url[range.upperBound...].prefix { $0 != "&" })
    }
}
