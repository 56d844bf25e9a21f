/// One row of the PHIPA access log: who touched whose health information, what kind, how, when, from where.
public struct AuditEntry: Sendable, Equatable {
    /// The kind of information touched.
    public enum InfoType: String, Sendable, CaseIterable {
        case contact, clinical, assessment, appointment, account, auditLog = "audit-log", record, intake, consent
        case selfCare = "self-care"
    }

    /// What was done with it.
    public enum Action: String, Sendable, CaseIterable {
        case view, create, change, export, print
        case signIn = "sign-in"
        case signInFailed = "sign-in-failed"
        case signOut = "sign-out"
    }

    public var id: Int64?
    public var at: Instant
    public var actorId: String?
    public var actorRole: Role?
    public var clientId: String?
    public var infoType: InfoType
    public var action: Action
    public var address: String
    public var detail: String

    public init(id: Int64? = nil, at: Instant, actorId: String?, actorRole: Role?, clientId: String?,
                infoType: InfoType, action: Action, address: String, detail: String = "") {
        self.id = id
        self.at = at
        self.actorId = actorId
        self.actorRole = actorRole
        self.clientId = clientId
        self.infoType = infoType
        self.action = action
        self.address = address
        self.detail = detail
    }
}
