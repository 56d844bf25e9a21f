/// What staff typed in the client search box, read as the keys it can match (`ClientSearch`).
///
/// Names: every typed word begins a word of the first or last name, any order, accents and case ignored ("smi",
/// "john smi", "gaetan" for Gaétan). Email: the start of the address. Phone: three or more digits, typed with any
/// spaces, dashes, dots, brackets or "+", the start of the number or of its seven-digit local part. Date of birth:
/// 1984-03-07 (or its start: 1984, 1984-03), or written with the month's name, "7 Mar 1984" or "March 7, 1984".
public struct ClientQuery: Sendable, Equatable {
    /// One index range to read: keys of `kind` starting with `prefix`, whose client's name also has a word
    /// starting with each of `alsoNamed`.
    public struct Search: Sendable, Equatable {
        public let kind: ClientSearch.Kind
        public let prefix: String
        public let alsoNamed: [String]

        /// The first term of the range, and the first term past it.
        public var range: (low: String, high: String) { (kind.tag + prefix, kind.tag + prefix + ClientSearch.rangeEnd) }
    }

    /// The longest text read as a query.
    public static let limit = FieldLimit.name

    public let typed: String
    public let names: [String]
    public let email: String?
    public let phone: String?
    public let birth: String?

    public init(_ typed: String) {
        let text = typed.trimmed
        self.typed = text
        let hasLetter = text.unicodeScalars.contains { $0.properties.isAlphabetic }
        let birth = Self.birth(text)
        names = hasLetter && birth == nil ? ClientSearch.words(text) : []
        email = hasLetter && !text.contains(" ") ? text.lowercased() : nil
        let digits = ClientSearch.digits(text)
        let phoneLike = text.unicodeScalars.allSatisfy { ("0"..."9").contains($0) || " -.()+".unicodeScalars.contains($0) }
        phone = phoneLike && digits.count >= 3 ? digits : nil
        self.birth = birth
    }

    public var isEmpty: Bool { names.isEmpty && email == nil && phone == nil && birth == nil }

    /// The ranges to read, in rank order. A query of several name words reads by its longest word (the fewest
    /// matches) and checks the others against each client's name words.
    public var searches: [Search] {
        var searches: [Search] = []
        if let longest = names.indices.max(by: { names[$0].utf8.count < names[$1].utf8.count }) {
            var others = names
            let driving = others.remove(at: longest)
            searches.append(Search(kind: .lastName, prefix: driving, alsoNamed: others))
            searches.append(Search(kind: .firstName, prefix: driving, alsoNamed: others))
        }
        if let email { searches.append(Search(kind: .email, prefix: email, alsoNamed: [])) }
        if let phone { searches.append(Search(kind: .phone, prefix: phone, alsoNamed: [])) }
        if let birth { searches.append(Search(kind: .birth, prefix: birth, alsoNamed: [])) }
        return searches
    }

    /// The key of `client` that `search` finds (the first in byte order when several do), or nil.
    public static func key(of client: Client, for search: Search) -> String? {
        let keys = ClientSearch.keys(for: client)
        let names = keys.filter { $0.kind == .lastName || $0.kind == .firstName }
        for word in search.alsoNamed where !names.contains(where: { $0.text.utf8.starts(with: word.utf8) }) { return nil }
        return keys.filter { $0.kind == search.kind && $0.text.utf8.starts(with: search.prefix.utf8) }.map(\.text)
            .min { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// Whether `client` is found by this query at all.
    public func matches(_ client: Client) -> Bool { searches.contains { Self.key(of: client, for: $0) != nil } }

    /// The first `limit` of `clients` this query finds, in rank order: by search (last name, first name, email,
    /// phone, birth date), then by the key found (so an exact last name comes before a longer one), then by name
    /// and id, all in UTF-8 byte order; each client once. The in-memory store answers with this; SQL must agree.
    public func rank(_ clients: [Client], limit: Int) -> [ClientMatch] {
        var found: [ClientMatch] = []
        var seen: Set<String> = []
        for search in searches where found.count < limit {
            let hits = clients.compactMap { client in Self.key(of: client, for: search).map { (key: $0, sort: ClientSearch.sortName(of: client), client: client) } }
                .sorted { a, b in
                    if a.key != b.key { return a.key.utf8.lexicographicallyPrecedes(b.key.utf8) }
                    if a.sort != b.sort { return a.sort.utf8.lexicographicallyPrecedes(b.sort.utf8) }
                    return a.client.id.utf8.lexicographicallyPrecedes(b.client.id.utf8)
                }
            for hit in hits where found.count < limit && seen.insert(hit.client.id).inserted {
                found.append(ClientMatch(client: hit.client, matchedBy: search.kind))
            }
        }
        return found
    }

    /// A date of birth as the start of its ISO form: "1984", "1984-03", "1984-03-07" (a month or day that can only
    /// be one digit, as in "1984-3-7", is read whole), or a whole date written with the month's name.
    static func birth(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false).map(String.init)
        let numeric = parts.allSatisfy { $0.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } }
        if numeric, parts[0].count == 4, parts.count <= 3, parts.dropFirst().allSatisfy({ $0.count <= 2 }) {
            // A year alone is read as one only when it could be a birth year (19xx, 20xx); "4165" is a phone's start.
            if parts.count == 1 && !(text.hasPrefix("19") || text.hasPrefix("20")) { return nil }
            func whole(_ part: String, after highest: Character, complete: Bool) -> String {
                part.count == 1 && (complete || part.first! > highest) ? "0" + part : part
            }
            var read = parts
            if read.count >= 2 { read[1] = whole(read[1], after: "1", complete: read.count == 3) }
            if read.count == 3 { read[2] = whole(read[2], after: "3", complete: false) }
            return read.joined(separator: "-")
        }
        // "7 Mar 1984", "March 7, 1984", "7 March 1984"
        let words = text.lowercased().split { $0 == " " || $0 == "," || $0 == "." }.map(String.init)
        guard words.count == 3 else { return nil }
        var day: Int?, month: Int?, year: Int?
        for word in words {
            if let number = Int(word) {
                if word.count == 4 { year = number } else if word.count <= 2 { day = number } else { return nil }
            } else if word.count >= 3, let index = monthNames.firstIndex(where: { $0.hasPrefix(word) }) {
                month = index + 1
            } else {
                return nil
            }
        }
        guard let day, let month, let year, let date = LocalDate(year: year, month: month, day: day) else { return nil }
        return date.description
    }

    private static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                                     "october", "november", "december"]
}
