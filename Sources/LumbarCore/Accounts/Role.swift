/// Who someone is to the clinic; decides what they may see and do.
public enum Role: String, Sendable, CaseIterable, Codable {
    case owner, therapist
    case frontDesk = "front-desk"
    case client

    public var isStaff: Bool { self != .client }

    public var label: String {
        switch self {
        case .owner: return "Owner"
        case .therapist: return "Therapist"
        case .frontDesk: return "Front desk"
        case .client: return "Client"
        }
    }
}
