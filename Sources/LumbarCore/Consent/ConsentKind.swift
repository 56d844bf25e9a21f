/// What a consent covers, and for how long it holds (CMTO Client-centred Care standard; clinical reference §7).
public enum ConsentKind: String, Sendable, CaseIterable, Hashable {
    /// Informed consent to assessment and treatment, for this episode of care.
    case treatment
    /// Written consent to treat the gluteal muscles, once per treatment plan.
    case gluteal
    /// The therapist's record that the client agreed aloud, at this visit, to gluteal work.
    case glutealVerbal = "gluteal-verbal"
    /// Written consent, every time, for the upper inner thigh.
    case innerThigh = "inner-thigh"
    /// Written consent, every time, for the chest wall.
    case chestWall = "chest-wall"

    public enum Scope: Sendable { case episode, visit }

    public var scope: Scope {
        switch self {
        case .treatment, .gluteal: return .episode
        case .glutealVerbal, .innerThigh, .chestWall: return .visit
        }
    }

    public var isWritten: Bool { self != .glutealVerbal }

    public var label: String {
        switch self {
        case .treatment: return "Assessment and treatment"
        case .gluteal: return "Gluteal area (written, for this plan)"
        case .glutealVerbal: return "Gluteal area (spoken, this visit)"
        case .innerThigh: return "Upper inner thigh (written, this visit)"
        case .chestWall: return "Chest wall (written, this visit)"
        }
    }
}
