/// A person who signs in: staff member or client.
public struct Account: Sendable, Equatable, Identifiable {
    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    /// CMTO registration number; required for therapists.
    public var collegeRegistration: String?
    public var totpEnabled: Bool
    public var active: Bool

    public init(id: String, email: String, name: String, role: Role, collegeRegistration: String? = nil,
                totpEnabled: Bool = false, active: Bool = true) {
        self.id = id
        self.email = email
        self.name = name
        self.role = role
        self.collegeRegistration = collegeRegistration
        self.totpEnabled = totpEnabled
        self.active = active
    }

    /// Owners must use two-factor sign-in; other staff may.
    public var mustUseTwoFactor: Bool { role == .owner }
}
