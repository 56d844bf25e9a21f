/// One episode's plan of care: goals in the client's words, the techniques the therapist chose (beside the
/// engine's view of each), areas, pressure, how often and how many visits, and when to reassess. A change is a new
/// version; consent is asked again for it (CMTO: consent before any change to the plan).
public struct TreatmentPlan: Sendable, Equatable, Identifiable {
    public struct TechniqueChoice: Sendable, Equatable {
        public var technique: Technique
        /// The engine's status for this client when the plan was made; nil without an assessment.
        public var engineStatus: TechniqueStatus?
        public var chosen: Bool
        /// Why the therapist chose a technique the engine cautioned against, or left out one it recommended.
        public var note: String
        public init(technique: Technique, engineStatus: TechniqueStatus?, chosen: Bool, note: String = "") {
            self.technique = technique
            self.engineStatus = engineStatus
            self.chosen = chosen
            self.note = note
        }
    }

    public var id: String
    public var clientId: String
    public var intakeId: String?
    public var version: Int
    public var goals: [String]
    public var techniques: [TechniqueChoice]
    public var areas: [BodyRegion]
    public var pressure: PressurePreference
    public var frequency: String
    public var visits: Int
    public var reassessOn: LocalDate
    public var createdBy: String
    public var createdAt: Instant

    public init(id: String = "", clientId: String, intakeId: String?, version: Int = 0, goals: [String], techniques: [TechniqueChoice], areas: [BodyRegion],
                pressure: PressurePreference, frequency: String, visits: Int, reassessOn: LocalDate, createdBy: String, createdAt: Instant) {
        self.id = id
        self.clientId = clientId
        self.intakeId = intakeId
        self.version = version
        self.goals = goals
        self.techniques = techniques
        self.areas = areas
        self.pressure = pressure
        self.frequency = frequency
        self.visits = visits
        self.reassessOn = reassessOn
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// What must be fixed before saving, keyed by form field.
    public func problems(today: LocalDate) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if goals.allSatisfy({ $0.trimmed.isEmpty }) { problems.append(FieldProblem("goals", "Write at least one goal, in the client's words.")) }
        if !techniques.contains(where: \.chosen) { problems.append(FieldProblem("techniques", "Choose at least one technique.")) }
        for choice in techniques where choice.note.trimmed.isEmpty {
            if choice.chosen && (choice.engineStatus == .contraindicated || choice.engineStatus == .caution) {
                problems.append(FieldProblem("note-\(choice.technique.rawValue)",
                                             "The assessment says \(choice.engineStatus!.rawValue) for \(choice.technique.name.lowercased()): note why you chose it."))
            }
        }
        for (index, goal) in goals.enumerated() {
            if let tooLong = FieldLimit.short.problem("goal-\(index + 1)", goal) { problems.append(tooLong) }
        }
        for choice in techniques {
            if let tooLong = FieldLimit.short.problem("note-\(choice.technique.rawValue)", choice.note) { problems.append(tooLong) }
        }
        if areas.isEmpty { problems.append(FieldProblem("areas", "Choose the areas to treat.")) }
        if frequency.trimmed.isEmpty { problems.append(FieldProblem("frequency", "Say how often, such as once a week.")) }
        if let tooLong = FieldLimit.name.problem("frequency", frequency) { problems.append(tooLong) }
        if !(1...52).contains(visits) { problems.append(FieldProblem("visits", "Plan 1 to 52 visits.")) }
        if reassessOn < today { problems.append(FieldProblem("reassessOn", "Choose a reassessment date from today on.")) }
        return problems
    }

    /// The extra written consents the areas need (gluteal for the plan; inner thigh at each visit).
    public var sensitiveAreas: Set<ConsentKind> { Set(areas.compactMap(\.consent)) }

    /// Stored form of the technique choices: "code|status|chosen|note" per line.
    public var techniqueLines: String {
        techniques.map { "\($0.technique.rawValue)|\($0.engineStatus?.rawValue ?? "")|\($0.chosen ? 1 : 0)|\(String($0.note.map { $0 == "\n" ? " " : $0 }))" }
            .joined(separator: "\n")
    }

    public static func techniques(fromLines text: String) -> [TechniqueChoice] {
        text.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: "|", maxSplits: 3, omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let technique = Technique(rawValue: parts[0]) else { return nil }
            return TechniqueChoice(technique: technique, engineStatus: TechniqueStatus(rawValue: parts[1]), chosen: parts[2] == "1", note: parts[3])
        }
    }
}
