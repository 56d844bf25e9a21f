/// Gift certificate codes: short enough to read over the phone, without letters that look like digits.
public enum GiftCode {
    static let alphabet = Array("ABCDEFGHJKLMNPQRSTUVWXYZ23456789")

    /// "GIFT-7KQ2-M9XD" from eight random indexes into the alphabet.
    public static func make(_ random: () -> Int) -> String {
        let letters = (0..<8).map { _ in alphabet[abs(random()) % alphabet.count] }
        return "GIFT-\(String(letters[0..<4]))-\(String(letters[4..<8]))"
    }

    /// What the desk typed, as stored: upper case, spaces dropped, the "GIFT-" prefix and dash added if left out.
    public static func normalized(_ typed: String) -> String {
        let bare = typed.uppercased().filter { $0.isLetter || $0.isNumber }
        let body = bare.hasPrefix("GIFT") ? String(bare.dropFirst(4)) : bare
        guard body.count == 8 else { return typed.uppercased().trimmed }
        return "GIFT-\(body.prefix(4))-\(body.suffix(4))"
    }

    /// The audit row's words for a balance check. A code is spendable like cash, so the log keeps its last four
    /// characters only: enough to match a complaint, not enough to spend.
    public static func lookupDetail(_ typed: String, found: Bool) -> String {
        let tail = String(normalized(typed).filter { $0.isLetter || $0.isNumber }.suffix(4))
        return found ? "gift certificate balance checked (…\(tail))" : "gift certificate code not found (…\(tail))"
    }
}
