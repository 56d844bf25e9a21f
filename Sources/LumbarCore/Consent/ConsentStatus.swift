/// What is consented for an episode and a visit, worked out from the append-only consent rows.
public struct ConsentStatus: Sendable, Equatable {
    public enum State: Sendable, Equatable {
        case given(Consent)
        case withdrawn(at: Instant)
        case missing
    }

    public let states: [ConsentKind: State]

    /// `intakeId`: the current episode; `appointmentId`: the visit in hand (nil when there is none today).
    public init(_ consents: [Consent], intakeId: String?, appointmentId: String?) {
        let withdrawals = Dictionary(consents.compactMap { row in row.withdraws.map { ($0, row.at) } }, uniquingKeysWith: { first, _ in first })
        var states: [ConsentKind: State] = [:]
        for kind in ConsentKind.allCases {
            let scoped = consents.filter { row in
                guard row.kind == kind, row.withdraws == nil else { return false }
                switch kind.scope {
                case .episode: return intakeId != nil && row.intakeId == intakeId
                case .visit: return appointmentId != nil && row.appointmentId == appointmentId
                }
            }.sorted { $0.at < $1.at }
            if let live = scoped.last(where: { withdrawals[$0.id] == nil }) {
                states[kind] = .given(live)
            } else if let last = scoped.last, let at = withdrawals[last.id] {
                states[kind] = .withdrawn(at: at)
            } else {
                states[kind] = .missing
            }
        }
        // Spoken consent to gluteal work rests on the written one for the plan.
        if case .given = states[.glutealVerbal], !Self.isGiven(states[.gluteal]) { states[.glutealVerbal] = .missing }
        self.states = states
    }

    public func isGiven(_ kind: ConsentKind) -> Bool { Self.isGiven(states[kind]) }

    private static func isGiven(_ state: State?) -> Bool {
        if case .given? = state { return true }
        return false
    }
}
