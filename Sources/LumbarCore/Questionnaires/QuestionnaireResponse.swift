/// One completed questionnaire: the definition version it used, the answer chosen per item, and its score.
public struct QuestionnaireResponse: Sendable, Equatable {
    public var id: String
    public var clientId: String
    public var intakeId: String?
    public var instrument: Instrument
    public var definitionVersion: String
    /// Item id → answer value; for PSFS, "activity N" → the activity and "rating N" → its rating.
    public var answers: [(key: String, value: String)]
    public var score: Double
    public var at: Instant

    public init(id: String = "", clientId: String, intakeId: String?, instrument: Instrument, definitionVersion: String,
                answers: [(key: String, value: String)], score: Double, at: Instant) {
        self.id = id
        self.clientId = clientId
        self.intakeId = intakeId
        self.instrument = instrument
        self.definitionVersion = definitionVersion
        self.answers = answers
        self.score = score
        self.at = at
    }

    public static func == (lhs: QuestionnaireResponse, rhs: QuestionnaireResponse) -> Bool {
        lhs.id == rhs.id && lhs.instrument == rhs.instrument && lhs.score == rhs.score && lhs.definitionVersion == rhs.definitionVersion
            && lhs.answers.map(\.key) == rhs.answers.map(\.key) && lhs.answers.map(\.value) == rhs.answers.map(\.value)
    }

    /// A PSFS response from the activities rated (1 to 5 of them), or nil when none was rated.
    public static func psfs(_ rated: [(activity: String, rating: Int)], clientId: String, intakeId: String?, definitionVersion: String,
                            at now: Instant) -> QuestionnaireResponse? {
        guard let score = Instrument.psfs.score(rated.map(\.rating)) else { return nil }
        let answers = rated.enumerated().flatMap { index, pair in [("activity \(index + 1)", pair.activity), ("rating \(index + 1)", String(pair.rating))] }
        return QuestionnaireResponse(clientId: clientId, intakeId: intakeId, instrument: .psfs, definitionVersion: definitionVersion,
                                     answers: answers, score: score, at: now)
    }

    public var answersJSON: String {
        var json = JSONWriter(capacity: 256)
        json.beginObject()
        for (key, value) in answers { json.field(key, value) }
        json.endObject()
        return json.string
    }

    public static func answers(fromJSON text: String) -> [(key: String, value: String)] {
        guard case .object(let fields)? = try? JSONValue.parse(text) else { return [] }
        return fields.compactMap { field in
            if case .string(let value) = field.value { return (field.key, value) }
            return nil
        }
    }
}
