/// The most a typed field may hold. Every form handler and the API check it on the server; pages print the same number
/// as the field's `maxlength`, so a browser stops the typing there first and the server's refusal is only for the rest.
public struct FieldLimit: Sendable, Equatable, CustomStringConvertible {
    public let characters: Int

    public init(_ characters: Int) {
        precondition(characters > 0, "a field holds at least one character")
        self.characters = characters
    }

    /// A person's or a place's name.
    public static let name = FieldLimit(100)
    /// The longest address mail can carry (RFC 5321).
    public static let email = FieldLimit(254)
    /// Registration, tax and other numbers a person types from a card.
    public static let code = FieldLimit(40)
    /// One line of text: an address, who a referral went to, a note beside an item.
    public static let short = FieldLimit(200)
    /// Paragraphs: details, reasons, notes for the client.
    public static let long = FieldLimit(10_000)
    /// A chart note or one section of a visit note: about eight printed pages, more than one visit needs, small enough
    /// that a record stays quick to show and print.
    public static let clinical = FieldLimit(20_000)

    /// The length as a browser counts it for `maxlength` (UTF-16 code units), with a line break counted once whether it
    /// came as CR LF (as forms send it) or LF, so text the browser allowed is never refused here.
    public static func length(_ text: String) -> Int {
        var count = 0
        var afterCR = false
        for unit in text.utf16 {
            if !(afterCR && unit == 0x0A) { count += 1 }
            afterCR = unit == 0x0D
        }
        return count
    }

    public func allows(_ text: String) -> Bool {
        // Each UTF-16 unit takes at least one UTF-8 byte, so short text needs no count.
        text.utf8.count <= characters || Self.length(text) <= characters
    }

    /// What the person is told beside the field.
    public var message: String { "Keep this to \(description) characters or fewer." }

    /// The count written for people: 10,000.
    public var description: String {
        var digits = Array(String(characters))
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: index)
            index -= 3
        }
        return String(digits)
    }

    /// The problem for `field` when `text` is too long; nil when it fits.
    public func problem(_ field: String, _ text: String) -> FieldProblem? {
        allows(text) ? nil : FieldProblem(field, message)
    }

    /// The problems of several fields at once, in the order given.
    public static func problems(_ checks: [(field: String, text: String, limit: FieldLimit)]) -> [FieldProblem] {
        checks.compactMap { $0.limit.problem($0.field, $0.text) }
    }
}
