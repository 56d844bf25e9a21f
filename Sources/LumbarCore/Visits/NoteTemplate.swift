/// A starting text for a visit note: words for each SOAP part a therapist writes, and the techniques (with their
/// areas) usually used, kept by the owner for the whole clinic or by a therapist for themselves, for one service or
/// any. Choosing one fills a draft; it is a setting, not a record, so it is edited in place and retired, not erased.
public struct NoteTemplate: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: String
    /// Nil: the clinic's, kept by the owner. Otherwise the account of the therapist who keeps it for themselves.
    public var ownerId: String?
    /// Nil: any service.
    public var serviceId: String?
    public var subjective: String
    public var objective: String
    public var plan: String
    public var techniques: [VisitNote.TechniqueUse]
    public var updatedAt: Instant
    public var retiredAt: Instant?

    public init(id: String = "", name: String, ownerId: String? = nil, serviceId: String? = nil, subjective: String = "", objective: String = "",
                plan: String = "", techniques: [VisitNote.TechniqueUse] = [], updatedAt: Instant, retiredAt: Instant? = nil) {
        self.id = id
        self.name = name
        self.ownerId = ownerId
        self.serviceId = serviceId
        self.subjective = subjective
        self.objective = objective
        self.plan = plan
        self.techniques = techniques
        self.updatedAt = updatedAt
        self.retiredAt = retiredAt
    }

    /// The template over a draft. Text the therapist already typed stays, with the template's words after it, so
    /// choosing a template never loses anything; techniques already ticked keep their areas, pressure and minutes.
    public func filling(_ note: VisitNote) -> VisitNote {
        var filled = note
        filled.subjective = VisitNote.adding(subjective, to: note.subjective)
        filled.objective = VisitNote.adding(objective, to: note.objective)
        filled.plan = VisitNote.adding(plan, to: note.plan)
        let ticked = Set(note.techniques.map(\.technique))
        filled.techniques = note.techniques + techniques.filter { !ticked.contains($0.technique) }
        return filled
    }

    /// What stops the template being kept, keyed by form field.
    public var problems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if name.trimmed.isEmpty { problems.append(FieldProblem("name", "Give the template a name you will recognise in a list.")) }
        for use in techniques where !(1...180).contains(use.minutes) {
            problems.append(FieldProblem("technique-\(use.technique.rawValue)-minutes", "Minutes for \(use.technique.name.lowercased()) are 1 to 180."))
        }
        return problems + FieldLimit.problems([("name", name, .short), ("subjective", subjective, .clinical), ("objective", objective, .clinical),
                                               ("plan", plan, .clinical)])
    }
}
