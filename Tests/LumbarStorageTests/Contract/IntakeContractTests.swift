import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What every `IntakeRepository` must do that the use cases rely on, on every store: a draft is saved until it is
/// submitted, a submission happens once, and clearance is recorded.
@Suite struct IntakeContractTests {
    static let now = AppointmentContractTests.now

    static func submission(_ clientId: String, _ urgency: Urgency) -> IntakeSubmission {
        IntakeSubmission(inputJSON: "{}", resultJSON: "{}", urgency: urgency, decision: .proceed, history: IntakeAnswers(), responses: [], alerts: [],
                         audit: AuditEntry(at: now, actorId: nil, actorRole: nil, clientId: clientId, infoType: .intake, action: .create, address: "test"),
                         recordedBy: nil)
    }

    @Test(arguments: ContractStore.available)
    func aDraftIsSavedUntilSubmittedAndSubmittedOnce(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let intakes = services.intake
            let draft = try await intakes.createDraft(clientId: seed.ada.id, answers: IntakeAnswers(["firstName": ["Ada"]]), startedBy: nil, at: Self.now)
            #expect(try await intakes.latestSubmitted(clientId: seed.ada.id) == nil)
            #expect(try await intakes.saveDraft(id: draft.id, answers: IntakeAnswers(["firstName": ["Ada"], "lastName": ["Alpha"]]), step: "history",
                                                at: Self.now))
            let saved = try #require(try await intakes.find(id: draft.id))
            #expect(saved.step == "history" && saved.answers["lastName"] == "Alpha")
            try await intakes.submit(saved, Self.submission(seed.ada.id, .urgent), at: Self.now.adding(seconds: 60))
            await #expect(throws: StorageError.self) { try await intakes.submit(saved, Self.submission(seed.ada.id, .routine), at: Self.now) }
            let submitted = try #require(try await intakes.latestSubmitted(clientId: seed.ada.id))
            #expect(submitted.id == draft.id && submitted.urgency == .urgent && submitted.decision == .proceed)
            #expect(try await !intakes.saveDraft(id: draft.id, answers: IntakeAnswers(), step: "about", at: Self.now), "a submitted intake is fixed")
            #expect(try await intakes.list(clientId: seed.ada.id).map(\.id) == [draft.id])
        }
    }

    @Test(arguments: ContractStore.available)
    func clearanceIsRecordedAsAnAction(store: ContractStore) async throws {
        try await AppointmentContractTests.run(store) { services, seed, _ in
            let intakes = services.intake
            let draft = try await intakes.createDraft(clientId: seed.ada.id, answers: IntakeAnswers(), startedBy: nil, at: Self.now)
            try await intakes.submit(draft, Self.submission(seed.ada.id, .emergency), at: Self.now)
            #expect(try await !intakes.isCleared(intakeId: draft.id))
            func action(_ kind: ReferralAction.Kind, _ detail: String, _ seconds: Int64) -> ReferralAction {
                ReferralAction(id: "", intakeId: draft.id, clientId: seed.ada.id, kind: kind, recipient: "Dr. Ng", detail: detail,
                               recordedBy: seed.theo.id, recordedByName: "Theo", at: Self.now.adding(seconds: seconds))
            }
            _ = try await intakes.addAction(action(.referred, "Sent to emergency", 60))
            #expect(try await !intakes.isCleared(intakeId: draft.id))
            _ = try await intakes.addAction(action(.cleared, "Cleared to treat", 120))
            #expect(try await intakes.isCleared(intakeId: draft.id))
            #expect(try await intakes.actions(intakeId: draft.id).map(\.kind) == [.referred, .cleared])
        }
    }
}
