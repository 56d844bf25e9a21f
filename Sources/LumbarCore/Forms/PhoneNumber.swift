/// A phone number the clinic can dial: North American (ten digits, optionally led by 1 or +1) or international in
/// E.164 form (a + and the country code, 15 digits at most). Spaces, dashes, dots and one pair of brackets may separate
/// the digits; nothing else is accepted, so "hello" or a name typed into the field is refused.
public struct PhoneNumber: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// The number in E.164 form, e.g. +14165550100.
    public let e164: String

    /// The longest text taken as a phone number, separators included.
    public static let limit = FieldLimit(30)

    /// What the person is told when the number cannot be used.
    public static let message = "Enter a phone number with its area code, like 416-555-0100, or an international number starting with +."

    public init?(_ text: String) {
        let text = text.trimmed
        guard !text.isEmpty, Self.limit.allows(text) else { return nil }
        var digits: [UInt8] = []
        var plus = false, opened = 0, closed = 0
        for (index, byte) in text.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits.append(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "+") where index == 0: plus = true
            case UInt8(ascii: " "), UInt8(ascii: "-"), UInt8(ascii: "."): continue
            case UInt8(ascii: "("): opened += 1
            case UInt8(ascii: ")"):
                closed += 1
                guard closed <= opened else { return nil }
            default: return nil
            }
        }
        guard opened == closed, opened <= 1 else { return nil }
        if plus && digits.first != 1 {
            guard let number = Self.international(digits) else { return nil }
            self = number
            return
        }
        // North American: +1 and ten digits, or ten digits with or without the leading 1.
        if digits.count == 11 && digits[0] == 1 { digits.removeFirst() } else if plus { return nil }
        guard digits.count == 10, digits[0] >= 2, digits[3] >= 2 else { return nil }
        e164 = "+1" + digits.map(String.init).joined()
    }

    private init(e164: String) { self.e164 = e164 }

    /// A + number outside North America: a country code that does not start with 0, 7 to 15 digits in all (E.164).
    private static func international(_ digits: [UInt8]) -> PhoneNumber? {
        guard (7...15).contains(digits.count), digits[0] != 0 else { return nil }
        return PhoneNumber(e164: "+" + digits.map(String.init).joined())
    }

    public var isNorthAmerican: Bool { e164.hasPrefix("+1") }

    /// How the number is stored and shown: 416-555-0100 in North America, the E.164 form otherwise.
    public var description: String {
        guard isNorthAmerican else { return e164 }
        let digits = Array(e164.dropFirst(2))
        return "\(String(digits[0..<3]))-\(String(digits[3..<6]))-\(String(digits[6...]))"
    }

    /// The problem with an optional phone field: nil when it is empty or a number.
    public static func problem(_ field: String, _ text: String) -> FieldProblem? {
        text.trimmed.isEmpty || PhoneNumber(text) != nil ? nil : FieldProblem(field, message)
    }

    /// The number as it should be stored: normalised when it is one, otherwise the text unchanged (the caller refuses it).
    public static func normalised(_ text: String) -> String {
        PhoneNumber(text)?.description ?? text.trimmed
    }
}
