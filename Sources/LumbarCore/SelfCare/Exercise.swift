/// One item of the home-care library: what to do, step by step, how much, how it should feel, when to stop,
/// which phases it suits, and the two positions its illustration shows.
public struct Exercise: Sendable, Identifiable {
    /// Where a variant sits against the standard form of the same item.
    public enum Level: String, Sendable, CaseIterable, Comparable {
        case easier, standard, harder
        var rank: Int { Level.allCases.firstIndex(of: self)! }
        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public let id: String
    public let code: SelfCareCode
    public let level: Level
    public let name: String
    public let steps: [String]
    public let dose: Dose
    public let feel: String
    public let stop: String
    public let phases: Set<Phase>
    public let start: Figure
    public let end: Figure
    public let startLabel: String
    public let endLabel: String

    public init(_ id: String, _ code: SelfCareCode, _ level: Level = .standard, name: String, steps: [String], dose: Dose, feel: String, stop: String,
                phases: Set<Phase>, start: Figure, end: Figure, labels: (String, String)) {
        self.id = id
        self.code = code
        self.level = level
        self.name = name
        self.steps = steps
        self.dose = dose
        self.feel = feel
        self.stop = stop
        self.phases = phases
        self.start = start
        self.end = end
        startLabel = labels.0
        endLabel = labels.1
    }
}

/// How much and how often: sets of repetitions, a hold, or minutes, and a frequency in words.
public struct Dose: Sendable, Equatable {
    /// "How often" shares a line of the printed card with the dose.
    public static let oftenLimit = FieldLimit(100)
    public var sets: Int?
    public var reps: Int?
    public var holdSeconds: Int?
    public var minutes: Int?
    public var often: String

    public init(sets: Int? = nil, reps: Int? = nil, holdSeconds: Int? = nil, minutes: Int? = nil, often: String) {
        self.sets = sets
        self.reps = reps
        self.holdSeconds = holdSeconds
        self.minutes = minutes
        self.often = often
    }

    /// "3 sets of 10, hold 5 seconds, once a day".
    public var text: String {
        var parts: [String] = []
        switch (sets, reps) {
        case let (sets?, reps?): parts.append(sets == 1 ? "\(reps) times" : "\(sets) sets of \(reps)")
        case let (sets?, nil): parts.append(sets == 1 ? "once" : "\(sets) times")
        case let (nil, reps?): parts.append("\(reps) times")
        case (nil, nil): break
        }
        if let holdSeconds { parts.append("hold \(holdSeconds) seconds") }
        if let minutes { parts.append("\(minutes) minutes") }
        if !often.isEmpty { parts.append(often) }
        return parts.joined(separator: ", ")
    }

    /// Problems with a dose a therapist typed, keyed by `prefix` + field name.
    public func problems(prefix: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let sets, !(1...10).contains(sets) { problems.append(FieldProblem(prefix + "sets", "Sets are 1 to 10.")) }
        if let reps, !(1...50).contains(reps) { problems.append(FieldProblem(prefix + "reps", "Repetitions are 1 to 50.")) }
        if let holdSeconds, !(1...300).contains(holdSeconds) { problems.append(FieldProblem(prefix + "hold", "A hold is 1 to 300 seconds.")) }
        if let minutes, !(1...120).contains(minutes) { problems.append(FieldProblem(prefix + "minutes", "Minutes are 1 to 120.")) }
        if let tooLong = Self.oftenLimit.problem(prefix + "often", often) { problems.append(tooLong) }
        if sets == nil && reps == nil && holdSeconds == nil && minutes == nil && often.trimmed.isEmpty {
            problems.append(FieldProblem(prefix + "often", "Say how much or how often."))
        }
        return problems
    }
}
