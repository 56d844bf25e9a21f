import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// A stored intake becomes the contract's input field by field; a submitted intake and every consent are fixed.
@Suite struct IntakeStorageTests {
    static let now = Instant(milliseconds: 1_795_000_000_000)
    static let assessedOn = LocalDate(year: 2026, month: 11, day: 24)!
    static let form = IntakeForm(screens: [.startBack])

    /// An answer for every question the client can give, each chosen so a wrong mapping shows.
    static let answers: [String: [String]] = {
        var answers: [String: [String]] = [
            "firstName": ["Ada"], "lastName": ["Alpha"], "dateOfBirth": ["1980-12-01"], "phone": ["416-555-0101"],
            "emergencyName": ["Sam Alpha"], "emergencyPhone": ["416-555-0199"],
            "conditions": ["osteoporosis", "history-of-cancer"], "medications": ["anticoagulant"], "surgeries": ["recent-surgery-low-back"],
            "thisWeek": ["menstruation"], "allergies": ["Almond oil"], "pregnant": ["yes"], "pregnancyWeeks": ["20"],
            "onset": ["gradual"], "painStartedOn": ["2026-09-01"], "painNow": ["7"], "legPain": ["above-knee"], "legSides": ["one"],
            "factors": ["prolonged-sitting", "stress"], "pressure": ["light"], "medicallyAssessed": ["yes"],
            "psfs.activity.1": ["Lifting my toddler"], "psfs.rating.1": ["3"], "psfs.activity.2": ["Gardening"], "psfs.rating.2": ["6"],
        ]
        for step in form.steps {
            for question in step.questions where question.finding != nil {
                answers[question.id] = [[Finding.legTingling, .morningStiffness, .nightPainUnrelieved].contains(question.finding!) ? "yes" : "no"]
            }
        }
        for item in 1...8 { answers["q.start-back.\(item)"] = [item % 2 == 0 ? "agree" : "disagree"] }
        answers["q.start-back.9"] = ["very-much"]
        return answers
    }()

    @Test(arguments: TestDatabase.engines)
    func storedIntakeMapsToTheContractFieldByField(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let client = try await StorageTests.seedClient(database)
            let intakes = SQLIntakeRepository(database: database)
            let draft = try await intakes.createDraft(clientId: client.id, answers: IntakeAnswers(), startedBy: nil, at: Self.now)
            #expect(try await intakes.saveDraft(id: draft.id, answers: IntakeAnswers(Self.answers), step: "review", at: Self.now))
            let stored = try #require(try await intakes.find(id: draft.id))
            #expect(stored.answers == IntakeAnswers(Self.answers), "every answer survives storage as typed")
            let input = try #require(Self.form.assessmentInput(stored.answers, assessedOn: Self.assessedOn))
            #expect(input.assessedOn == Self.assessedOn)
            #expect(input.age == 45, "date of birth 1980-12-01, assessed 2026-11-24")
            #expect(input.onset == .gradual)
            #expect(input.painStartedOn == LocalDate(year: 2026, month: 9, day: 1)!)
            #expect(input.painNow == 7)
            #expect(input.legPain == .aboveKnee)
            #expect(input.legSides == .one)
            #expect(input.factors == [.prolongedSitting, .stress])
            #expect(input.findings == [.osteoporosis, .historyOfCancer, .anticoagulant, .recentSurgeryLowBack, .menstruation,
                                       .legTingling, .morningStiffness, .nightPainUnrelieved])
            #expect(input.pressurePreference == .light)
            #expect(input.medicallyAssessed)
            #expect(input.pregnancyWeeks == 20)
            #expect(input.startBack == StartBackAnswers(answers: (1...8).map { $0 % 2 == 0 }, bothersomeness: .veryMuch))
            // The input is valid under the published contract, as the CLI and API would read it.
            if case .failure(let problems) = AssessmentInputDecoder.decode(Array(input.json.utf8)) { Issue.record("contract problems: \(problems)") }
            // Answers that are not pregnant drop the weeks; no screen means no STarT Back.
            var notPregnant = stored.answers
            notPregnant.set("pregnant", ["no"])
            #expect(IntakeForm().assessmentInput(notPregnant, assessedOn: Self.assessedOn)?.pregnancyWeeks == nil)
            #expect(IntakeForm().assessmentInput(notPregnant, assessedOn: Self.assessedOn)?.startBack == nil)
        }
    }

    /// Every contract field and every finding a client can know about has a question; only palpation is left to the therapist.
    @Test func everyClientAnswerableContractCodeIsAsked() {
        let options = Self.form.steps.flatMap(\.questions).flatMap { question in question.options.map(\.value) + [question.finding?.rawValue].compactMap { $0 } }
        let palpation: Set<Finding> = [.fascialRestriction, .triggerPoints, .referredPain, .muscleKnots, .muscleImbalance, .hypertonicity, .stiffness]
        for finding in Finding.allCases where !palpation.contains(finding) { #expect(options.contains(finding.rawValue), "\(finding) is never asked") }
        for factor in Factor.allCases { #expect(options.contains(factor.rawValue), "\(factor) is never asked") }
        for code in LegPain.allCases.map(\.rawValue) + LegSides.allCases.map(\.rawValue) + Onset.allCases.map(\.rawValue) + PressurePreference.allCases.map(\.rawValue) {
            #expect(options.contains(code))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func aSubmittedIntakeIsFixedAndConsentsAreAppendOnly(engine: Database.Engine) async throws {
        try await TestDatabase.with(engine) { (database: Database) async throws in
            let client = try await StorageTests.seedClient(database)
            let intakes = SQLIntakeRepository(database: database)
            let draft = try await intakes.createDraft(clientId: client.id, answers: IntakeAnswers(Self.answers), startedBy: nil, at: Self.now)
            let input = try #require(Self.form.assessmentInput(draft.answers, assessedOn: Self.assessedOn))
            let result = AssessmentEngine().assess(input)
            let audit = AuditEntry(at: Self.now, actorId: nil, actorRole: nil, clientId: client.id, infoType: .intake, action: .create, address: "test")
            let submission = SQLIntakeRepository.Submission(
                inputJSON: input.json, resultJSON: result.json, urgency: result.urgency, decision: result.decision, history: IntakeForm.history(draft.answers),
                responses: Self.form.responses(draft.answers, clientId: client.id, intakeId: draft.id, at: Self.now),
                alerts: [QueuedMail(to: "theo@example.com", subject: "Intake needs attention today", body: "b")], audit: audit, recordedBy: nil)
            try await intakes.submit(draft, submission, at: Self.now)
            await #expect(throws: StorageError.conflict("This intake was already submitted.")) { try await intakes.submit(draft, submission, at: Self.now) }
            #expect(try await intakes.saveDraft(id: draft.id, answers: IntakeAnswers(), step: "about", at: Self.now) == false)
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("UPDATE intakes SET urgency = 'none'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("DELETE FROM intakes").run() }
            }
            let responses = try await SQLQuestionnaireRepository(database: database).responses(clientId: client.id)
            let scores = Dictionary(responses.map { ($0.instrument, $0.score) }, uniquingKeysWith: { a, _ in a })
            #expect(scores == [.nprs: 7, .psfs: 4.5, .startBack: 5])
            #expect(try await intakes.histories(clientId: client.id).count == 1)
            #expect(try await SQLOutboxRepository(database: database).pending() == 1)
            #expect(try await SQLAuditRepository(database: database).entries(AuditFilter(clientId: client.id)).count == 1)

            let consents = SQLConsentRepository(database: database)
            let text = ConsentText.current(.treatment)
            let id = try await consents.add(Consent(clientId: client.id, kind: .treatment, intakeId: draft.id, appointmentId: nil, textVersion: text.version,
                                                    text: text.plainText, signerName: "Ada Alpha", signature: .typed, signatureData: "Ada Alpha",
                                                    recordedBy: nil, at: Self.now), audit: audit)
            #expect(try await consents.list(clientId: client.id).first?.text == text.plainText, "the exact text shown is kept")
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("UPDATE consents SET signer_name = 'Someone else'").run() }
            }
            await #expect(throws: (any Error).self) {
                try await database.write { db in try await db.raw("DELETE FROM consents WHERE id = \(bind: id)").run() }
            }
        }
    }
}
