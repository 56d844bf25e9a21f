/// Starting a follow-up from the last signed visit: the parts that usually carry over (what was found, where, what
/// was done, the plan) are copied into the draft, each chosen on its own; Subjective is always today's own.
public enum CopyForward {
    public enum Part: String, Sendable, CaseIterable {
        case objective, bodyChart = "body-chart", techniques, plan

        public var label: String {
            switch self {
            case .objective: return "Objective: findings, palpation, range of motion, tests"
            case .bodyChart: return "Body chart marks"
            case .techniques: return "Techniques, with areas, pressure and minutes"
            case .plan: return "Plan and next steps"
            }
        }
    }

    /// The draft with the chosen parts taken from `last`, never losing what the draft already holds: typed text stays
    /// with the last visit's words after it, marks and techniques already there stay and the last visit's others are
    /// added. Every other part, and who and when, stay the draft's.
    public static func apply(_ parts: Set<Part>, from last: VisitNote, to draft: VisitNote) -> VisitNote {
        var note = draft
        if parts.contains(.objective) {
            note.findings.formUnion(last.findings)
            note.objective = VisitNote.adding(last.objective, to: draft.objective)
            note.rangeOfMotion = VisitNote.adding(last.rangeOfMotion, to: draft.rangeOfMotion)
            note.tests = VisitNote.adding(last.tests, to: draft.tests)
        }
        if parts.contains(.bodyChart) {
            let marked = Set(draft.bodyChart.marks.map(\.region))
            note.bodyChart = BodyChart(draft.bodyChart.marks + last.bodyChart.marks.filter { !marked.contains($0.region) })
        }
        if parts.contains(.techniques) {
            let ticked = Set(draft.techniques.map(\.technique))
            note.techniques = draft.techniques + last.techniques.filter { !ticked.contains($0.technique) }
        }
        if parts.contains(.plan) { note.plan = VisitNote.adding(last.plan, to: draft.plan) }
        return note
    }

    /// The note a follow-up copies from: the newest signed one before `draft`, its latest amendment standing in for it.
    public static func source(for draft: VisitNote, in notes: [VisitNote]) -> VisitNote? {
        let signed = notes.filter { $0.status == .signed && $0.id != draft.id && $0.id != draft.amends && $0.createdAt <= draft.createdAt }
        guard let original = signed.filter({ $0.amends == nil }).max(by: { $0.createdAt < $1.createdAt }) else { return nil }
        return signed.filter { $0.amends == original.id }.max { ($0.signedAt ?? $0.createdAt) < ($1.signedAt ?? $1.createdAt) } ?? original
    }
}
