/// One visit in SOAP form. A draft saves as the therapist types; signing fixes it. After that a change is an
/// amendment: a new note that names the one it corrects, with the reason, so the original always stays.
public struct VisitNote: Sendable, Equatable, Identifiable {
    public enum Status: String, Sendable { case draft, signed }

    /// A technique actually used: where, how firmly, for how long.
    public struct TechniqueUse: Sendable, Equatable {
        public var technique: Technique
        public var areas: [BodyRegion]
        public var pressure: PressurePreference
        public var minutes: Int
        public init(technique: Technique, areas: [BodyRegion], pressure: PressurePreference, minutes: Int) {
            self.technique = technique
            self.areas = areas
            self.pressure = pressure
            self.minutes = minutes
        }
    }

    public var id: String
    public var clientId: String
    public var appointmentId: String?
    public var authorId: String
    public var authorName: String
    public var status: Status
    // Subjective
    public var painNow: Int?
    public var subjective: String
    /// The home-program diary as it stood when the note was started.
    public var homeProgram: String
    /// Today's rating (0-10) of each activity the client named at intake, in the intake's order; nil if not rated.
    public var psfs: [Int?] = []
    // Objective
    public var findings: Set<Finding>
    public var objective: String
    public var rangeOfMotion: String
    public var tests: String
    public var bodyChart: BodyChart
    // Assessment: the engine's output with today's findings, stored at signing.
    public var assessmentJSON: String?
    public var urgency: Urgency?
    // Plan
    public var plan: String
    public var techniques: [TechniqueUse]
    public var glutealVerbalConsent: Bool
    public var createdAt: Instant
    public var updatedAt: Instant
    public var signedAt: Instant?
    public var amends: String?
    public var amendReason: String?

    public init(id: String = "", clientId: String, appointmentId: String? = nil, authorId: String, authorName: String = "", status: Status = .draft,
                painNow: Int? = nil, subjective: String = "", homeProgram: String = "", findings: Set<Finding> = [], objective: String = "",
                rangeOfMotion: String = "", tests: String = "", bodyChart: BodyChart = BodyChart(), assessmentJSON: String? = nil, urgency: Urgency? = nil,
                plan: String = "", techniques: [TechniqueUse] = [], glutealVerbalConsent: Bool = false, createdAt: Instant, updatedAt: Instant? = nil,
                signedAt: Instant? = nil, amends: String? = nil, amendReason: String? = nil) {
        self.id = id
        self.clientId = clientId
        self.appointmentId = appointmentId
        self.authorId = authorId
        self.authorName = authorName
        self.status = status
        self.painNow = painNow
        self.subjective = subjective
        self.homeProgram = homeProgram
        self.findings = findings
        self.objective = objective
        self.rangeOfMotion = rangeOfMotion
        self.tests = tests
        self.bodyChart = bodyChart
        self.assessmentJSON = assessmentJSON
        self.urgency = urgency
        self.plan = plan
        self.techniques = techniques
        self.glutealVerbalConsent = glutealVerbalConsent
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.signedAt = signedAt
        self.amends = amends
        self.amendReason = amendReason
    }

    /// What must be in place before signing, keyed by form field.
    public var signingProblems: [FieldProblem] {
        var problems: [FieldProblem] = []
        if painNow == nil { problems.append(FieldProblem("painNow", "Record today's pain (0-10) before signing.")) }
        if subjective.trimmed.isEmpty { problems.append(FieldProblem("subjective", "Write what the client reports.")) }
        if plan.trimmed.isEmpty { problems.append(FieldProblem("plan", "Write the plan and next steps.")) }
        if amends != nil && (amendReason ?? "").trimmed.isEmpty { problems.append(FieldProblem("amendReason", "Say why the note is being amended.")) }
        for (index, use) in techniques.enumerated() where !(1...180).contains(use.minutes) {
            problems.append(FieldProblem("technique-\(use.technique.rawValue)-minutes", "Minutes for technique \(index + 1) are 1 to 180."))
        }
        let glutealWork = techniques.contains { $0.areas.contains { $0.consent == .gluteal } }
        if glutealWork && !glutealVerbalConsent {
            problems.append(FieldProblem("glutealVerbalConsent", "Gluteal work was recorded: confirm the client agreed aloud at this visit."))
        }
        return problems + lengthProblems
    }

    /// Sections longer than their limit: checked before any save, draft or signed.
    public var lengthProblems: [FieldProblem] {
        FieldLimit.problems([("subjective", subjective, .clinical), ("objective", objective, .clinical), ("rangeOfMotion", rangeOfMotion, .clinical),
                             ("tests", tests, .clinical), ("plan", plan, .clinical), ("amendReason", amendReason ?? "", .short)])
    }

    /// The engine's input for today: the intake's answers with today's pain and date, plus today's findings.
    public func assessmentInput(intake: AssessmentInput, on day: LocalDate) -> AssessmentInput {
        var input = intake
        input.age = intake.age + intake.assessedOn.wholeYears(until: day)
        input.assessedOn = day
        if let painNow { input.painNow = painNow }
        input.findings.formUnion(findings)
        return input
    }

    /// Words added to a part of a note without losing what is there: after it, once (a copy or a template chosen
    /// twice adds nothing more).
    public static func adding(_ added: String, to typed: String) -> String {
        if added.trimmed.isEmpty { return typed }
        if typed.trimmed.isEmpty { return added }
        return typed.contains(added) ? typed : typed + "\n\n" + added
    }

    /// PSFS ratings as stored: "3,,7" (an empty place is an activity not rated today).
    public var psfsText: String { psfs.map { $0.map(String.init) ?? "" }.joined(separator: ",") }

    public static func psfs(from text: String) -> [Int?] {
        text.isEmpty ? [] : text.split(separator: ",", omittingEmptySubsequences: false).map { Int($0) }
    }

    /// Techniques as stored: "swedish|lumbar-left,lumbar-right|moderate|20" each.
    public var techniqueEntries: [String] {
        techniques.map { "\($0.technique.rawValue)|\($0.areas.map(\.rawValue).joined(separator: ","))|\($0.pressure.rawValue)|\($0.minutes)" }
    }

    public static func techniques(from entries: [String]) -> [TechniqueUse] {
        entries.compactMap { entry in
            let parts = entry.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let technique = Technique(rawValue: parts[0]), let pressure = PressurePreference(rawValue: parts[2]),
                  let minutes = Int(parts[3]) else { return nil }
            return TechniqueUse(technique: technique, areas: parts[1].split(separator: ",").compactMap { BodyRegion(rawValue: String($0)) },
                                pressure: pressure, minutes: minutes)
        }
    }
}
