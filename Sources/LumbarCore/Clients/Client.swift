/// Someone the clinic treats: identity and contact details (the part front desk may see).
public struct Client: Sendable, Equatable, Identifiable {
    public var id: String
    public var accountId: String?
    public var firstName: String
    public var lastName: String
    public var email: String
    public var phone: String
    public var dateOfBirth: LocalDate?
    public var emergencyContact: String

    public init(id: String, accountId: String? = nil, firstName: String, lastName: String, email: String = "",
                phone: String = "", dateOfBirth: LocalDate? = nil, emergencyContact: String = "") {
        self.id = id
        self.accountId = accountId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.phone = phone
        self.dateOfBirth = dateOfBirth
        self.emergencyContact = emergencyContact
    }

    public var fullName: String { "\(firstName) \(lastName)" }
}

extension Client {
    /// What must be fixed before a client can be registered; `today` bounds the date of birth.
    public func problems(today: LocalDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        for (field, value) in [("firstName", firstName), ("lastName", lastName)] {
            if let tooLong = FieldLimit.name.problem(field, value) { problems.append(tooLong) }
        }
        if firstName.trimmed.isEmpty { problems.append(.init("firstName", "Enter the client's first name.")) }
        if lastName.trimmed.isEmpty { problems.append(.init("lastName", "Enter the client's last name.")) }
        if let tooLong = FieldLimit.email.problem("email", email) {
            problems.append(tooLong)
        } else if !email.isEmpty && !EmailAddress.isPlausible(email) {
            problems.append(.init("email", "Enter an email address like name@example.com, or leave it empty."))
        }
        if let phone = PhoneNumber.problem("phone", phone) { problems.append(phone) }
        if let dateOfBirth, dateOfBirth > today || dateOfBirth.year < today.year - 120 {
            problems.append(.init("dateOfBirth", "Enter a real date of birth."))
        }
        return problems + EmergencyContact(stored: emergencyContact).problems()
    }
}
