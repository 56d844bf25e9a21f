/// The keys a client is found by when staff type in the search box: name words folded to plain lowercase letters,
/// the email, the phone's digits and the date of birth. Storage keeps them in an index and the in-memory store
/// matches through the same functions, so both find the same clients in the same order.
public enum ClientSearch {
    /// What a key is, in the order results are ranked: last name first, then first name, email, phone, birth date.
    public enum Kind: Int, Sendable, CaseIterable, Comparable {
        case lastName = 0, firstName, email, phone, birth

        /// Keeps kinds apart inside one index: a phone's digits never match a name typed as digits.
        public var tag: String {
            switch self {
            case .lastName: "l:"
            case .firstName: "f:"
            case .email: "e:"
            case .phone: "p:"
            case .birth: "d:"
            }
        }

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One key of one client: `term` is what the index is ordered by (tag and text).
    public struct Key: Sendable, Hashable {
        public let kind: Kind
        public let text: String
        public var term: String { kind.tag + text }

        public init(_ kind: Kind, _ text: String) {
            self.kind = kind
            self.text = text
        }
    }

    /// Sorts after every term that starts with the same text, in UTF-8 byte order (SQLite's BINARY, PostgreSQL's "C").
    public static let rangeEnd = "\u{10FFFF}"

    /// Every key `client` is found by, without repeats.
    public static func keys(for client: Client) -> [Key] {
        var keys: [Key] = []
        func add(_ key: Key) { if !key.text.isEmpty && !keys.contains(key) { keys.append(key) } }
        let last = words(client.lastName)
        for word in last { add(Key(.lastName, word)) }
        // "Smith-Jones" and "van der Berg" are also found typed as one word.
        if last.count > 1 { add(Key(.lastName, last.joined())) }
        for word in words(client.firstName) { add(Key(.firstName, word)) }
        add(Key(.email, client.email.trimmed.lowercased()))
        for digits in phoneKeys(client.phone) { add(Key(.phone, digits)) }
        if let born = client.dateOfBirth { add(Key(.birth, born.description)) }
        return keys
    }

    /// The name words a second typed word must begin one of, space-separated with a space at each end.
    public static func nameWords(of client: Client) -> String {
        let words = keys(for: client).filter { $0.kind == .lastName || $0.kind == .firstName }.map(\.text)
        return " " + words.joined(separator: " ") + " "
    }

    /// Orders clients whose keys tie: last name, then first name, folded.
    public static func sortName(of client: Client) -> String {
        fold(client.lastName) + " " + fold(client.firstName)
    }

    /// A phone number's digits as typed in a search: the whole number; for a North American one (stored as
    /// 416-555-0100) also with its "1", the seven-digit local number and the last four digits (front desks ask for
    /// "the last four"), so "416 555 0100", "+1 416…", "555-0100" and "0100" all find it.
    public static func phoneKeys(_ phone: String) -> [String] {
        let all = digits(phone)
        guard !all.isEmpty else { return [] }
        let national = all.count == 11 && all.hasPrefix("1") ? String(all.dropFirst()) : all
        guard national.count == 10 else { return [all] + (all.count > 4 ? [String(all.suffix(4))] : []) }
        return [national, "1" + national, String(national.suffix(7)), String(national.suffix(4))]
    }

    /// The ASCII digits of `text`, in order.
    public static func digits(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { ("0"..."9").contains($0) }))
    }

    /// The words of a name, folded: split at spaces, hyphens and other punctuation; apostrophes join ("O'Brien" is "obrien").
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in fold(text).unicodeScalars {
            if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                current.append(scalar)
            } else if !apostrophes.contains(scalar), !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }

    /// Lowercase, accents removed from Latin letters (é is e, ß is ss), combining marks dropped; other scripts kept.
    public static func fold(_ text: String) -> String {
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                folded.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if let wide = wideFolds[value] {
                folded.append(contentsOf: wide.unicodeScalars)
            } else if value >= 0xDF, value < 0x180 {
                let base = latinFolds[Int(value - 0xDF)]
                folded.append(base == "." ? scalar : base)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    private static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "`"]

    /// The plain letter of each lowercase letter from U+00DF to U+017F ("." keeps the character; "*" is in `wideFolds`).
    private static let latinFolds: [Unicode.Scalar] = Array(
        "*aaaaaa*ceeeeiiiidnooooo.ouuuuy*y.a.a.a.c.c.c.c.d.d.e.e.e.e.e.g.g.g.g.h.h.i.i.i.i.i.*.j.kk.l.l.l.l.l.n.n.nn.n.o.o.o.*.r.r.r.s.s.s.s.t.t.t.u.u.u.u.u.u.w.y..z.z.zs"
            .unicodeScalars)

    private static let wideFolds: [UInt32: String] = [0xDF: "ss", 0xE6: "ae", 0xFE: "th", 0x133: "ij", 0x153: "oe"]
}
