/// One reviewable clinical rule: what triggers it, what it does, where it comes from, and what the therapist
/// can read to the client. The engine and the printed rule table use the same values.
public final class ClinicalRule: Sendable {
    /// What a rule does when it fires.
    public enum Effect: Sendable, Equatable {
        case refer(Urgency)
        case decide(TreatmentDecision)
        case technique(Technique, TechniqueStatus)
        case selfCare(SelfCareCode)
        case thermal(ThermalCode)
        case yellowFlag

        public var summary: String {
            switch self {
            case .refer(let urgency): return "referral \(urgency.rawValue)"
            case .decide(let decision): return "treatment \(decision.rawValue)"
            case .technique(let technique, let status): return "\(technique.rawValue) \(status.rawValue)"
            case .selfCare(let code): return "self-care \(code.rawValue)"
            case .thermal(let code): return "thermal \(code.rawValue)"
            case .yellowFlag: return "yellow flag"
            }
        }
    }

    public let code: String
    public let trigger: String
    public let effects: [Effect]
    public let source: String
    /// Set for a rule whose fact the reference marks *unconfirmed*: the owner may switch it off in clinic settings (it is
    /// on until they do). The label names the switch in plain words.
    public let switchLabel: String?
    let explain: @Sendable (AssessmentContext) -> String
    let applies: @Sendable (AssessmentContext) -> Bool

    public init(
        _ code: String, when trigger: String, does effects: [Effect], source: String, switchLabel: String? = nil,
        says text: @escaping @Sendable (AssessmentContext) -> String,
        if applies: @escaping @Sendable (AssessmentContext) -> Bool
    ) {
        self.code = code
        self.trigger = trigger
        self.effects = effects
        self.source = source
        self.switchLabel = switchLabel
        self.explain = text
        self.applies = applies
    }

    public convenience init(
        _ code: String, when trigger: String, does effects: [Effect], source: String, switchLabel: String? = nil, says text: String,
        if applies: @escaping @Sendable (AssessmentContext) -> Bool
    ) {
        self.init(code, when: trigger, does: effects, source: source, switchLabel: switchLabel, says: { _ in text }, if: applies)
    }

    public var effectSummary: String { effects.map(\.summary).joined(separator: "; ") }

    func reason(_ context: AssessmentContext) -> Reason { Reason(code: code, text: explain(context)) }
}

/// A fired rule's code and the sentence that explains it to the client.
public struct Reason: Sendable, Equatable {
    public let code: String
    public let text: String
}
