/// Who to call if a client is unwell during a visit: a name and a phone number, kept in the client's record as one line
/// ("Sam Rivera · 416-555-0100").
public struct EmergencyContact: Sendable, Equatable {
    public var name: String
    public var phone: String

    static let separator = " · "

    public init(name: String, phone: String) {
        self.name = name.trimmed
        self.phone = PhoneNumber.normalised(phone)
    }

    /// Splits the stored line at its last separator; a line without one (typed before the two were asked apart) is all name.
    public init(stored: String) {
        var index = stored.endIndex
        while index > stored.startIndex {
            index = stored.index(before: index)
            if stored[index...].hasPrefix(Self.separator) {
                self.init(name: String(stored[..<index]), phone: String(stored[index...].dropFirst(Self.separator.count)))
                return
            }
        }
        self.init(name: stored, phone: "")
    }

    /// The line as stored: both parts when both are given, otherwise the one that is.
    public var stored: String {
        [name, phone].filter { !$0.isEmpty }.joined(separator: Self.separator)
    }

    /// Problems named by the form's two fields, `emergencyName` and `emergencyPhone`.
    public func problems() -> [FieldProblem] {
        [FieldLimit.name.problem("emergencyName", name), PhoneNumber.problem("emergencyPhone", phone)].compactMap { $0 }
    }
}
