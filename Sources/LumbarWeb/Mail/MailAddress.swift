import LumbarCore

/// An email address with the name shown beside it (`Zoë Bélanger <zoe@example.com>`).
public struct MailAddress: Sendable, Equatable {
    public var name: String
    public var address: String

    public init(name: String = "", address: String) {
        self.name = name
        self.address = address
    }

    /// Reads `Name <address>`, `"Name" <address>` or a bare address, as an operator writes the From setting.
    public init(parsing text: String) {
        let trimmed = text.trimmed
        guard trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") else {
            self.init(address: trimmed)
            return
        }
        var name = String(trimmed[..<open]).trimmed
        if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") { name = String(name.dropFirst().dropLast()) }
        self.init(name: name, address: String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]).trimmed)
    }

    /// The part after `@`, for naming Message-IDs.
    var domain: String {
        guard let at = address.lastIndex(of: "@") else { return "" }
        return String(address[address.index(after: at)...])
    }
}
