import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What every `VisitNoteRepository` and `ConsentRepository` must do, on every store: a draft changes until it is
/// signed, once; an amendment names a signed note of the same client; consents are append-only, withdrawn once.
@Suite struct VisitNoteContractTests {
    static let now = AppointmentContractTests.now
    static let audit = AuditEntry(at: now, actorId: nil, actorRole: nil, clientId: nil, infoType: .clinical, action: .create, address: "test")

    static func run(_ store: ContractStore, _ body: (ContractStore.Handle, ContractSeed) async throws -> Void) async throws {
        try await store.with(clock: TestClock(now)) { handle in try await body(handle, try await ContractSeed.make(handle.services, at: now)) }
    }

    @Test(arguments: ContractStore.available)
    func aDraftChangesUntilItIsSignedOnce(store: ContractStore) async throws {
        try await Self.run(store) { handle, seed in
            let notes = handle.visitNotes
            let draft = try await notes.createDraft(VisitNote(clientId: seed.ada.id, authorId: seed.theo.id, createdAt: Self.now))
            var edited = draft
            edited.painNow = 4
            edited.subjective = "Stiff after sitting"
            edited.plan = "Walk daily"
            edited.findings = [.hypertonicity]
            #expect(try await notes.saveDraft(edited, at: Self.now.adding(seconds: 60)))
            let saved = try #require(try await notes.find(id: draft.id))
            #expect(saved.painNow == 4 && saved.subjective == "Stiff after sitting" && saved.findings == [.hypertonicity])
            #expect(saved.authorName == "Theo" && saved.status == .draft)
            let pain = QuestionnaireResponse(clientId: seed.ada.id, intakeId: nil, instrument: .nprs, definitionVersion: "visit", answers: [("pain", "4")],
                                             score: 4, at: Self.now)
            try await notes.sign(id: draft.id, assessmentJSON: nil, urgency: .none, outcomes: [pain], recordedBy: seed.theo.id, audit: Self.audit,
                                 at: Self.now.adding(seconds: 120))
            await #expect(throws: StorageError.self) {
                try await notes.sign(id: draft.id, assessmentJSON: nil, urgency: .none, outcomes: [], recordedBy: nil, audit: Self.audit, at: Self.now)
            }
            #expect(try await !notes.saveDraft(edited, at: Self.now), "a signed note is fixed")
            let signed = try #require(try await notes.find(id: draft.id))
            #expect(signed.status == .signed && signed.signedAt == Self.now.adding(seconds: 120))
            #expect(try await handle.services.questionnaires.responses(clientId: seed.ada.id).map(\.score) == [4], "the outcome is kept with it")
        }
    }

    @Test(arguments: ContractStore.available)
    func anAmendmentNamesASignedNoteOfTheSameClient(store: ContractStore) async throws {
        try await Self.run(store) { handle, seed in
            let notes = handle.visitNotes
            let draft = try await notes.createDraft(VisitNote(clientId: seed.ada.id, authorId: seed.theo.id, createdAt: Self.now))
            await #expect(throws: StorageError.self, "a draft is edited, not amended") {
                _ = try await notes.createDraft(VisitNote(clientId: seed.ada.id, authorId: seed.rosa.id, createdAt: Self.now, amends: draft.id))
            }
            try await notes.sign(id: draft.id, assessmentJSON: nil, urgency: .none, outcomes: [], recordedBy: nil, audit: Self.audit, at: Self.now)
            let bob = try await handle.services.clients.create(Client(id: "", firstName: "Bob", lastName: "Beta"), at: Self.now)
            await #expect(throws: StorageError.self, "another client's note") {
                _ = try await notes.createDraft(VisitNote(clientId: bob.id, authorId: seed.rosa.id, createdAt: Self.now, amends: draft.id))
            }
            let amendment = try await notes.createDraft(VisitNote(clientId: seed.ada.id, authorId: seed.rosa.id, createdAt: Self.now.adding(seconds: 60),
                                                                  amends: draft.id, amendReason: "Wrong side"))
            #expect(try await notes.list(clientId: seed.ada.id).map(\.id) == [draft.id, amendment.id])
            #expect(try await notes.find(id: amendment.id)?.amends == draft.id)
        }
    }

    @Test(arguments: ContractStore.available)
    func aConsentIsWithdrawnOnceAndNothingIsErased(store: ContractStore) async throws {
        try await Self.run(store) { handle, seed in
            let consents = handle.consents
            func consent(_ kind: ConsentKind, withdraws: String? = nil, _ seconds: Int64) -> Consent {
                Consent(clientId: seed.ada.id, kind: kind, intakeId: nil, appointmentId: nil, textVersion: "1", text: "I agree", signerName: "Ada Alpha",
                        signature: .typed, signatureData: "Ada Alpha", recordedBy: nil, at: Self.now.adding(seconds: seconds), withdraws: withdraws)
            }
            let given = try await consents.add(consent(.gluteal, 0), audit: Self.audit)
            _ = try await consents.add(consent(.gluteal, withdraws: given, 60), audit: Self.audit)
            await #expect(throws: StorageError.self) { _ = try await consents.add(consent(.gluteal, withdraws: given, 120), audit: Self.audit) }
            await #expect(throws: StorageError.self) { _ = try await consents.add(consent(.gluteal, withdraws: "no-such-consent", 120), audit: Self.audit) }
            let listed = try await consents.list(clientId: seed.ada.id)
            #expect(listed.map(\.withdraws) == [nil, given])
        }
    }
}
