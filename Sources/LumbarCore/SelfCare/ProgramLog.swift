/// One entry of the client's diary: did they do the program that day, how is the pain, and a note.
public struct ProgramLog: Sendable, Equatable {
    /// A diary line, read back in the therapist's weekly summary.
    public static let noteLimit = FieldLimit(1_000)
    public enum Done: String, Sendable, CaseIterable {
        case yes, partly, no

        public var label: String {
            switch self {
            case .yes: return "Yes, all of it"
            case .partly: return "Some of it"
            case .no: return "Not today"
            }
        }
    }

    public var programId: String
    public var day: LocalDate
    public var done: Done
    public var pain: Int
    public var note: String
    public var at: Instant

    public init(programId: String, day: LocalDate, done: Done, pain: Int, note: String, at: Instant) {
        self.programId = programId
        self.day = day
        self.done = done
        self.pain = pain
        self.note = note
        self.at = at
    }

    /// Problems with an entry for `day`, which may be today or up to 6 days back.
    public static func problems(day: LocalDate?, today: LocalDate, done: String, pain: String, note: String) -> [FieldProblem] {
        var problems: [FieldProblem] = []
        if let day {
            if day > today || day < today.adding(days: -6) { problems.append(FieldProblem("day", "Choose today or one of the last six days.")) }
        } else {
            problems.append(FieldProblem("day", "Choose the day."))
        }
        if Done(rawValue: done) == nil { problems.append(FieldProblem("done", "Say whether you did the program.")) }
        if let value = Int(pain), (0...10).contains(value) {} else { problems.append(FieldProblem("pain", "Choose your pain from 0 to 10.")) }
        if let tooLong = Self.noteLimit.problem("note", note) { problems.append(tooLong) }
        return problems
    }
}
