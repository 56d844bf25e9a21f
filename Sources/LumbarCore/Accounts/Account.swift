/// A person who signs in: staff member or client.
public struct Account: Sendable, Equatable, Identifiable {
    public var id: String
    public var email: String
    public var name: String
    public var role: Role
    /// CMTO registration number; required for therapists.
    public var collegeRegistration: String?
    public var totpEnabled: Bool
    /// False once retired: the person can no longer sign in; their records stay.
    public var active: Bool
    /// Invited and not yet signed in once: the password is still to be chosen from the emailed link.
    public var invitationPending: Bool

    public init(id: String, email: String, name: String, role: Role, collegeRegistration: String? = nil,
                totpEnabled: Bool = false, active: Bool = true, invitationPending: Bool = false) {
        self.invitationPending = invitationPending
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
