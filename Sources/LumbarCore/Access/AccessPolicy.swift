/// Who may see what of a client's record. Pure, so the rules are tested apart from HTTP and storage.
public struct AccessPolicy: Sendable {
    /// The actor's relationship to the client whose record is asked for.
    public struct Relationship: Sendable {
        /// The actor is this client (their own record).
        public var isSelf: Bool
        /// The actor is a therapist assigned to treat this client.
        public var treats: Bool
        public init(isSelf: Bool = false, treats: Bool = false) {
            self.isSelf = isSelf
            self.treats = treats
        }
    }

    /// When on, every therapist may see every client (the owner's choice for a team that shares care).
    public var sharedCare: Bool

    public init(sharedCare: Bool) { self.sharedCare = sharedCare }

    /// Identity and contact details.
    public func canSeeContact(_ role: Role, _ relation: Relationship) -> Bool {
        switch role {
        case .owner, .frontDesk: return true
        case .therapist: return relation.treats || sharedCare
        case .client: return relation.isSelf
        }
    }

    /// Clinical notes, assessments and anything else about the client's health. Front desk never.
    public func canSeeClinical(_ role: Role, _ relation: Relationship) -> Bool {
        switch role {
        case .owner: return true
        case .therapist: return relation.treats || sharedCare
        case .frontDesk: return false
        case .client: return relation.isSelf
        }
    }

    /// Writing clinical entries is for treating therapists (and the owner, who is the custodian).
    public func canWriteClinical(_ role: Role, _ relation: Relationship) -> Bool {
        switch role {
        case .owner: return true
        case .therapist: return relation.treats || sharedCare
        case .frontDesk, .client: return false
        }
    }
}
