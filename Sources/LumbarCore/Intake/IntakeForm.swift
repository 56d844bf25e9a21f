/// The whole intake for one clinic: its steps (fixed ones plus the questionnaires the clinic turned on), how each
/// step is checked, and how the answers become the assessment contract's input.
public struct IntakeForm: Sendable {
    public let steps: [IntakeStep]
    let definitions: [Instrument: QuestionnaireDefinition]

    /// `screens` are the optional questionnaires the clinic asks at intake, worded by `definitions`
    /// (falling back to the shipped ones).
    public init(definitions: [Instrument: QuestionnaireDefinition] = [:], screens: [Instrument] = []) {
        let all = QuestionnaireLibrary.shipped.merging(definitions) { _, loaded in loaded }
        self.definitions = all
        steps = [IntakeCatalogue.about, IntakeCatalogue.history, IntakeCatalogue.pain(nprs: all[.nprs]!),
                 IntakeCatalogue.nerves, IntakeCatalogue.general, IntakeCatalogue.pattern, IntakeCatalogue.activities(psfs: all[.psfs]!)]
            + Instrument.optionalAtIntake.filter(screens.contains).map { IntakeCatalogue.questionnaire(all[$0]!) }
    }

    /// Questions whose answers make up the versioned health history.
    public static let historyIds = ["conditions", "conditionsOther", "medications", "medicationsOther", "surgeries", "surgeriesOther",
                                    "allergies", "pregnant", "pregnancyWeeks"]

    public func step(_ id: String) -> IntakeStep? { steps.first { $0.id == id } }
    public func index(of id: String) -> Int? { steps.firstIndex { $0.id == id } }

    /// Problems on one step, keyed by question id, in the order the questions appear.
    public func problems(_ step: IntakeStep, _ answers: IntakeAnswers, today: LocalDate) -> [FieldProblem] {
        var problems = step.questions.compactMap { question in
            question.problem(in: answers, today: today).map { FieldProblem(question.id, $0) }
        }
        func add(_ id: String, _ message: String) {
            if !problems.contains(where: { $0.field == id }) { problems.append(FieldProblem(id, message)) }
        }
        switch step.id {
        case "about":
            if let born = LocalDate(iso: answers["dateOfBirth"]), born.wholeYears(until: today) > 120 { add("dateOfBirth", "Please check the year.") }
        case "pain":
            if let started = LocalDate(iso: answers["painStartedOn"]), let born = LocalDate(iso: answers["dateOfBirth"]), started < born {
                add("painStartedOn", "This is before your date of birth; please check it.")
            }
            if answers["legPain"] != LegPain.none.rawValue && answers["legSides"] == LegSides.none.rawValue && answers.has("legPain") {
                add("legSides", "You said the pain reaches a leg: choose one leg or both.")
            }
        case "activities":
            var named = 0
            for number in 1...5 {
                let activity = answers["psfs.activity.\(number)"].trimmed, rating = answers["psfs.rating.\(number)"]
                if !activity.isEmpty { named += 1 }
                if !activity.isEmpty && rating.isEmpty { add("psfs.rating.\(number)", "Rate how well you can do this activity today.") }
                if activity.isEmpty && !rating.isEmpty { add("psfs.activity.\(number)", "Name the activity you rated, or clear the rating.") }
            }
            if named == 0 { add("psfs.activity.1", "Name at least one activity your back makes hard.") }
        default: break
        }
        let order = step.questions.map(\.id)
        return problems.sorted { (order.firstIndex(of: $0.field) ?? 0) < (order.firstIndex(of: $1.field) ?? 0) }
    }

    /// The first step with a problem, for a client who jumps to the review page early.
    public func firstIncomplete(_ answers: IntakeAnswers, today: LocalDate) -> IntakeStep? {
        steps.first { !problems($0, answers, today: today).isEmpty }
    }

    /// The contract input built from a complete intake, field by field; nil while any step has a problem.
    public func assessmentInput(_ answers: IntakeAnswers, assessedOn: LocalDate) -> AssessmentInput? {
        guard firstIncomplete(answers, today: assessedOn) == nil,
              let born = LocalDate(iso: answers["dateOfBirth"]), let started = LocalDate(iso: answers["painStartedOn"]),
              let onset = Onset(rawValue: answers["onset"]), let painNow = Int(answers["painNow"]),
              let legPain = LegPain(rawValue: answers["legPain"]), let legSides = LegSides(rawValue: answers["legSides"]) else { return nil }
        return AssessmentInput(
            assessedOn: assessedOn, age: born.wholeYears(until: assessedOn), onset: onset, painStartedOn: started, painNow: painNow,
            legPain: legPain, legSides: legSides, factors: Set(answers.all("factors").compactMap(Factor.init(rawValue:))),
            findings: findings(answers), pressurePreference: PressurePreference(rawValue: answers["pressure"]),
            medicallyAssessed: answers["medicallyAssessed"] == "yes",
            pregnancyWeeks: answers["pregnant"] == "yes" ? Int(answers["pregnancyWeeks"]) : nil,
            startBack: startBack(answers))
    }

    /// Every finding the client reported: ticked conditions, medicines and surgery, and each warning sign answered yes.
    public func findings(_ answers: IntakeAnswers) -> Set<Finding> {
        var found = Set(["conditions", "medications", "surgeries", "thisWeek"].flatMap { answers.all($0) }.compactMap(Finding.init(rawValue:)))
        for step in steps {
            for question in step.questions where question.finding != nil && answers[question.id] == "yes" { found.insert(question.finding!) }
        }
        return found
    }

    /// How the client would describe each warning sign they reported, for the doctor they are sent to.
    public func tellList(_ answers: IntakeAnswers) -> [String] {
        steps.flatMap(\.questions).filter { $0.tell != nil && answers[$0.id] == "yes" }.map { $0.tell! }
    }

    func startBack(_ answers: IntakeAnswers) -> StartBackAnswers? {
        guard steps.contains(where: { $0.kind == .questionnaire(.startBack) }), let definition = definitions[.startBack] else { return nil }
        let values = definition.items.map { answers["q.start-back.\($0.id)"] }
        guard let bother = Bothersomeness(rawValue: values[8]) else { return nil }
        return StartBackAnswers(answers: values.prefix(8).map { $0 == "agree" }, bothersomeness: bother)
    }

    /// The scored questionnaires in a complete intake: NPRS and PSFS always, and each screen the clinic turned on.
    public func responses(_ answers: IntakeAnswers, clientId: String, intakeId: String, at now: Instant) -> [QuestionnaireResponse] {
        var responses: [QuestionnaireResponse] = []
        if let pain = Int(answers["painNow"]), let nprs = definitions[.nprs] {
            responses.append(QuestionnaireResponse(clientId: clientId, intakeId: intakeId, instrument: .nprs, definitionVersion: nprs.version,
                                                   answers: [("pain", String(pain))], score: Double(pain), at: now))
        }
        let rated = (1...5).compactMap { number -> (String, Int)? in
            let activity = answers["psfs.activity.\(number)"].trimmed
            return activity.isEmpty ? nil : Int(answers["psfs.rating.\(number)"]).map { (activity, $0) }
        }
        if let psfs = definitions[.psfs],
           let response = QuestionnaireResponse.psfs(rated.map { ($0.0, $0.1) }, clientId: clientId, intakeId: intakeId, definitionVersion: psfs.version, at: now) {
            responses.append(response)
        }
        for step in steps {
            guard case .questionnaire(let instrument) = step.kind, let definition = definitions[instrument] else { continue }
            let chosen = definition.items.enumerated().map { index, item in
                (item.id, answers["q.\(instrument.rawValue).\(item.id)"], definition.option(item: index, value: answers["q.\(instrument.rawValue).\(item.id)"])?.score)
            }
            guard let score = instrument.score(chosen.map(\.2)) else { continue }
            responses.append(QuestionnaireResponse(clientId: clientId, intakeId: intakeId, instrument: instrument, definitionVersion: definition.version,
                                                   answers: chosen.map { ($0.0, $0.1) }, score: score, at: now))
        }
        return responses
    }

    /// The health-history part of the answers, the part that is versioned.
    public static func history(_ answers: IntakeAnswers) -> IntakeAnswers {
        IntakeAnswers(Dictionary(uniqueKeysWithValues: historyIds.map { ($0, answers.all($0)) }))
    }
}
