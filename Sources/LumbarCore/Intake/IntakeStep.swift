/// One short screen of the intake, with its progress position known to the form.
public struct IntakeStep: Sendable {
    public enum Kind: Sendable, Equatable {
        case questions
        /// Patient-Specific Functional Scale: up to five activities, each rated.
        case activities
        /// A questionnaire the clinic turned on, worded by its definition file.
        case questionnaire(Instrument)
    }

    public let id: String
    public let title: String
    public let intro: String
    public let kind: Kind
    public let questions: [IntakeQuestion]

    public init(id: String, title: String, intro: String, kind: Kind = .questions, questions: [IntakeQuestion]) {
        self.id = id
        self.title = title
        self.intro = intro
        self.kind = kind
        self.questions = questions
    }
}
