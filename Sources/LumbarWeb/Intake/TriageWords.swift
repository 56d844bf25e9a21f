import LumbarCore

/// The engine's treatment decision in a therapist's words, the same on the chart's header, its triage and a visit
/// note (the contract's codes, "modify", are for other systems).
enum TriageWords {
    static func decision(_ decision: TreatmentDecision?) -> String {
        switch decision {
        case .proceed?: "treat as planned"
        case .modify?: "treat, with changes"
        case .deferTreatment?: "defer: no hands-on treatment until a physician has seen the client"
        case nil: "no treatment decision"
        }
    }

    /// The contract's code as stored ("modify"); an unknown one is said as it is.
    static func decision(code: String) -> String {
        TreatmentDecision(rawValue: code).map { decision($0) } ?? code
    }
}
