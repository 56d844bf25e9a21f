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
