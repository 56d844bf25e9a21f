/// What the clinic did about a triage: a referral made, its outcome, or the clearance that lets care go on.
/// Append-only, like every clinical entry.
public struct ReferralAction: Sendable, Equatable, Identifiable {
    public enum Kind: String, Sendable, CaseIterable {
        case referred
        case outcome
        case cleared
        case note

        public var label: String {
            switch self {
            case .referred: return "Referral made"
            case .outcome: return "Outcome of the referral"
            case .cleared: return "Cleared for treatment by a physician"
            case .note: return "Note"
            }
        }
    }

    public var id: String
    public var intakeId: String
    public var clientId: String
    public var kind: Kind
    /// Who the client was referred to, or who cleared them.
    public var recipient: String
    public var detail: String
    public var recordedBy: String
    public var recordedByName: String
    public var at: Instant

    public init(id: String = "", intakeId: String, clientId: String, kind: Kind, recipient: String, detail: String, recordedBy: String,
                recordedByName: String = "", at: Instant) {
        self.id = id
        self.intakeId = intakeId
        self.clientId = clientId
        self.kind = kind
        self.recipient = recipient
        self.detail = detail
        self.recordedBy = recordedBy
        self.recordedByName = recordedByName
        self.at = at
    }

    /// Problems with what the therapist typed, keyed by form field.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if (kind == .referred || kind == .cleared) && recipient.trimmed.isEmpty {
            problems.append(FieldProblem("recipient", kind == .referred ? "Name who the client was referred to." : "Name the physician who cleared the client."))
        }
        if kind != .referred && kind != .cleared && detail.trimmed.isEmpty { problems.append(FieldProblem("detail", "Describe what happened.")) }
        return problems + FieldLimit.problems([("recipient", recipient, .short), ("detail", detail, .long)])
    }
}
