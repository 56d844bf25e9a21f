/// What the client reports and the therapist finds: the contract's input, already validated.
public struct AssessmentInput: Sendable, Equatable {
    public var assessedOn: LocalDate
    public var age: Int
    public var onset: Onset
    public var painStartedOn: LocalDate
    public var painNow: Int
    public var legPain: LegPain
    public var legSides: LegSides
    public var factors: Set<Factor>
    public var findings: Set<Finding>
    public var pressurePreference: PressurePreference?
    public var medicallyAssessed: Bool
    public var pregnancyWeeks: Int?
    public var startBack: StartBackAnswers?

    public init(
        assessedOn: LocalDate, age: Int, onset: Onset, painStartedOn: LocalDate, painNow: Int,
        legPain: LegPain, legSides: LegSides, factors: Set<Factor> = [], findings: Set<Finding> = [],
        pressurePreference: PressurePreference? = nil, medicallyAssessed: Bool = false,
        pregnancyWeeks: Int? = nil, startBack: StartBackAnswers? = nil
    ) {
        self.assessedOn = assessedOn
        self.age = age
        self.onset = onset
        self.painStartedOn = painStartedOn
        self.painNow = painNow
        self.legPain = legPain
        self.legSides = legSides
        self.factors = factors
        self.findings = findings
        self.pressurePreference = pressurePreference
        self.medicallyAssessed = medicallyAssessed
        self.pregnancyWeeks = pregnancyWeeks
        self.startBack = startBack
    }

    /// Writes the input back in contract form (codes in contract order), so stored intakes round-trip.
    public func write(to json: inout JSONWriter) {
        json.beginObject()
        json.field("assessedOn", assessedOn.description)
        json.field("age", age)
        json.field("onset", onset.rawValue)
        json.field("painStartedOn", painStartedOn.description)
        json.field("painNow", painNow)
        json.field("legPain", legPain.rawValue)
        json.field("legSides", legSides.rawValue)
        json.key("factors")
        json.beginArray()
        for factor in Factor.allCases where factors.contains(factor) { json.value(factor.rawValue) }
        json.endArray()
        json.key("findings")
        json.beginArray()
        for finding in Finding.allCases where findings.contains(finding) { json.value(finding.rawValue) }
        json.endArray()
        if let pressurePreference { json.field("pressurePreference", pressurePreference.rawValue) }
        json.field("medicallyAssessed", medicallyAssessed)
        if let pregnancyWeeks { json.field("pregnancyWeeks", pregnancyWeeks) }
        if let startBack {
            json.key("startBack")
            json.beginObject()
            json.key("answers")
            json.beginArray()
            for answer in startBack.answers { json.value(answer) }
            json.endArray()
            json.field("bothersomeness", startBack.bothersomeness.rawValue)
            json.endObject()
        }
        json.endObject()
    }

    public var json: String {
        var writer = JSONWriter(capacity: 512)
        write(to: &writer)
        return writer.string
    }
}

/// The STarT Back answers: items 1–8 (agree = true) and item 9's bothersomeness.
public struct StartBackAnswers: Sendable, Equatable {
    public var answers: [Bool]
    public var bothersomeness: Bothersomeness

    public init(answers: [Bool], bothersomeness: Bothersomeness) {
        precondition(answers.count == 8, "STarT Back has 8 agree/disagree items")
        self.answers = answers
        self.bothersomeness = bothersomeness
    }
}
