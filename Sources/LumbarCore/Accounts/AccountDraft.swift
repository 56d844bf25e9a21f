/// A new account as typed into a form or the CLI, checked before anything is stored.
public struct AccountDraft: Sendable, Equatable {
    public var email: String
    public var name: String
    public var role: Role
    public var collegeRegistration: String?
    public var password: String

    public init(email: String, name: String, role: Role, collegeRegistration: String? = nil, password: String) {
        self.email = email.trimmed.lowercased()
        self.name = name.trimmed
        self.role = role
        self.collegeRegistration = collegeRegistration?.trimmed.isEmpty == true ? nil : collegeRegistration?.trimmed
        self.password = password
    }

    public static let minimumPasswordLength = 12
    /// Room for a password manager's longest phrase.
    public static let passwordLimit = FieldLimit.short

    /// Problems keyed by field name, in form order; empty when the draft can be saved.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.isEmpty { problems.append(.init("name", "Enter the person's name.")) }
        if let tooLong = FieldLimit.name.problem("name", name) { problems.append(tooLong) }
        if let tooLong = FieldLimit.email.problem("email", email) {
            problems.append(tooLong)
        } else if !EmailAddress.isPlausible(email) {
            problems.append(.init("email", "Enter an email address like name@example.com."))
        }
        if role == .therapist, collegeRegistration == nil {
            problems.append(.init("collegeRegistration", "Therapists need their College registration number."))
        }
        if let collegeRegistration, let tooLong = FieldLimit.code.problem("collegeRegistration", collegeRegistration) { problems.append(tooLong) }
        if password.count < Self.minimumPasswordLength {
            problems.append(.init("password", "Use at least \(Self.minimumPasswordLength) characters."))
        }
        if let tooLong = Self.passwordLimit.problem("password", password) { problems.append(tooLong) }
        return problems
    }
}

/// One thing wrong with one form field, written for the person filling the form.
public struct FieldProblem: Sendable, Equatable, CustomStringConvertible {
    public let field: String
    public let message: String
    public init(_ field: String, _ message: String) {
        self.field = field
        self.message = message
    }
    public var description: String { "\(field): \(message)" }
}

/// Minimal email checks: one @, something either side, a dot in the domain, no spaces.
public enum EmailAddress {
    public static func isPlausible(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), text.count <= 254 else { return false }
        return !text.contains(where: { $0.isWhitespace || $0 == "<" || $0 == ">" || $0 == "," })
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}

extension String {
    /// Without leading and trailing whitespace.
    public var trimmed: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
