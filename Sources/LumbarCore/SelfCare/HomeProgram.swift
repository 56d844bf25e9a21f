/// A client's home program as the therapist prescribed it: items in order, each with its dose and a note.
/// Every save is a new version; earlier versions stay in the record.
public struct HomeProgram: Sendable, Equatable, Identifiable {
    /// The note prints under the cards; more than this would push the handout past one page.
    public static let noteLimit = FieldLimit(2_000)
    public struct Item: Sendable, Equatable {
        public var exerciseId: String
        public var dose: Dose
        public var note: String

        public init(exerciseId: String, dose: Dose, note: String = "") {
            self.exerciseId = exerciseId
            self.dose = dose
            self.note = note
        }

        public var exercise: Exercise? { ExerciseLibrary.exercise(exerciseId) }
    }

    public var id: String
    public var clientId: String
    public var version: Int
    /// The episode (intake) the program belongs to, when there is one.
    public var intakeId: String?
    public var items: [Item]
    public var note: String
    /// When the injury happened, for the 48-hour cold-then-heat timing; nil when not known.
    public var injuredAt: Instant?
    public var createdBy: String
    public var createdAt: Instant

    public init(id: String = "", clientId: String, version: Int = 0, intakeId: String?, items: [Item], note: String, injuredAt: Instant?,
                createdBy: String, createdAt: Instant) {
        self.id = id
        self.clientId = clientId
        self.version = version
        self.intakeId = intakeId
        self.items = items
        self.note = note
        self.injuredAt = injuredAt
        self.createdBy = createdBy
        self.createdAt = createdAt
    }

    /// Items as stored: a JSON array, in order.
    public var itemsJSON: String {
        var json = JSONWriter(capacity: 512)
        json.objects(items) { json, item in
            json.field("exercise", item.exerciseId)
            if let sets = item.dose.sets { json.field("sets", sets) }
            if let reps = item.dose.reps { json.field("reps", reps) }
            if let hold = item.dose.holdSeconds { json.field("holdSeconds", hold) }
            if let minutes = item.dose.minutes { json.field("minutes", minutes) }
            json.field("often", item.dose.often)
            json.field("note", item.note)
        }
        return json.string
    }

    public static func items(fromJSON text: String) -> [Item] {
        guard case .array(let rows)? = try? JSONValue.parse(text) else { return [] }
        return rows.compactMap { row in
            guard let id = row["exercise"]?.stringValue else { return nil }
            func int(_ key: String) -> Int? { row[key]?.numberValue.map { Int($0) } }
            return Item(exerciseId: id, dose: Dose(sets: int("sets"), reps: int("reps"), holdSeconds: int("holdSeconds"), minutes: int("minutes"),
                                                   often: row["often"]?.stringValue ?? ""), note: row["note"]?.stringValue ?? "")
        }
    }

    /// What must be fixed before saving, keyed by form field (`item-N-…` for item N, counted from 1).
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if items.isEmpty { problems.append(FieldProblem("items", "Choose at least one item.")) }
        if items.count > 20 { problems.append(FieldProblem("items", "Keep a program to 20 items or fewer, so it can be followed.")) }
        if Set(items.map(\.exerciseId)).count != items.count { problems.append(FieldProblem("items", "Each item can appear once.")) }
        for (index, item) in items.enumerated() {
            let prefix = "item-\(item.exerciseId)-"
            if item.exercise == nil { problems.append(FieldProblem(prefix + "often", "Item \(index + 1) is not in the library.")) }
            problems += item.dose.problems(prefix: prefix)
            if let tooLong = FieldLimit.short.problem(prefix + "note", item.note) { problems.append(tooLong) }
        }
        if let tooLong = Self.noteLimit.problem("note", note) { problems.append(tooLong) }
        return problems
    }
}
