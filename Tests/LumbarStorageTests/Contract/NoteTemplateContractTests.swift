import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What every `NoteTemplateRepository` must do, on every store: kept whole, edited in place, retired and restored,
/// listed by name with the retired ones.
@Suite struct NoteTemplateContractTests {
    static let now = AppointmentContractTests.now

    @Test(arguments: ContractStore.available)
    func aTemplateIsKeptEditedRetiredAndRestored(store: ContractStore) async throws {
        try await store.with(clock: TestClock(Self.now)) { handle in
            let seed = try await ContractSeed.make(handle.services, at: Self.now)
            let templates = handle.noteTemplates
            let uses: [VisitNote.TechniqueUse] = [.init(technique: .swedish, areas: [.lumbarLeft, .lumbarRight], pressure: .moderate, minutes: 20),
                                                  .init(technique: .cupping, areas: [], pressure: .light, minutes: 5)]
            let mine = try await templates.save(NoteTemplate(name: "Theo's follow-up", ownerId: seed.theo.id, subjective: "Since last visit:",
                                                             objective: "Palpation:", plan: "Home program as before.", techniques: uses,
                                                             updatedAt: Self.now))
            let clinic = try await templates.save(NoteTemplate(name: "Assessment visit", updatedAt: Self.now))
            #expect(!mine.id.isEmpty && mine.id != clinic.id)
            #expect(try await templates.find(id: mine.id) == mine, "kept whole, techniques included")
            #expect(try await templates.all().map(\.name) == ["Assessment visit", "Theo's follow-up"])

            var edited = mine
            edited.plan = "Reassess in four visits."
            edited.techniques = [uses[0]]
            edited.updatedAt = Self.now.adding(seconds: 60)
            _ = try await templates.save(edited)
            #expect(try await templates.find(id: mine.id) == edited)

            try await templates.retire(id: clinic.id, at: Self.now.adding(seconds: 120))
            #expect(try await templates.find(id: clinic.id)?.retiredAt == Self.now.adding(seconds: 120))
            _ = try await templates.save(try #require(try await templates.find(id: clinic.id)))
            #expect(try await templates.all().count == 2, "retired, not gone")
            try await templates.retire(id: clinic.id, at: nil)
            #expect(try await templates.find(id: clinic.id)?.retiredAt == nil)
            #expect(try await templates.find(id: "nope") == nil)
        }
    }
}
