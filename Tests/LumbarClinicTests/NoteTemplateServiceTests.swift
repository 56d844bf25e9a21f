import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// Who keeps which templates and which a note offers.
@Suite struct NoteTemplateServiceTests {
    static let now = BookingServiceTests.now

    @Test func theOwnerKeepsTheClinicsATherapistTheirOwnAndANoteOffersBoth() async throws {
        let clinic = try await BookingServiceTests.clinic()
        let store = clinic.store
        let service = NoteTemplateService(templates: store.noteTemplates, clock: clinic.services.clock)
        let owner = Account(id: "o1", email: "owner@example.com", name: "Olive", role: .owner)
        let theo = clinic.seed.theo, rosa = clinic.seed.rosa
        let desk = Account(id: "d1", email: "desk@example.com", name: "Dee", role: .frontDesk)

        let forMassage = try await service.save(NoteTemplate(name: "Massage follow-up", serviceId: clinic.seed.service.id, updatedAt: Self.now), by: owner)
        let general = try await service.save(NoteTemplate(name: "Any visit", updatedAt: Self.now), by: owner)
        let theos = try await service.save(NoteTemplate(name: "Theo's own", ownerId: "someone-else", updatedAt: Self.now), by: theo)
        #expect(forMassage.ownerId == nil && theos.ownerId == theo.id, "a therapist's template is always their own")

        #expect(try await service.offered(to: theo, serviceId: clinic.seed.service.id).map(\.name) == ["Massage follow-up", "Any visit", "Theo's own"])
        #expect(try await service.offered(to: rosa, serviceId: "other").map(\.name) == ["Any visit"], "another's own and another service's stay out")

        await #expect(throws: NoteTemplateService.Failure.notYours) { _ = try await service.save(general, by: theo) }
        await #expect(throws: NoteTemplateService.Failure.notYours) { _ = try await service.save(theos, by: rosa) }
        await #expect(throws: NoteTemplateService.Failure.notYours) { _ = try await service.save(NoteTemplate(name: "x", updatedAt: Self.now), by: desk) }
        await #expect(throws: NoteTemplateService.Failure.notYours) { try await service.retire(id: theos.id, by: owner) }
        await #expect(throws: NoteTemplateService.Failure.invalid([FieldProblem("name", "Give the template a name you will recognise in a list.")])) {
            _ = try await service.save(NoteTemplate(name: "", updatedAt: Self.now), by: theo)
        }

        try await service.retire(id: general.id, by: owner)
        #expect(try await service.offered(to: theo, serviceId: nil).map(\.name) == ["Theo's own"], "a retired template is not offered")
        #expect(try await service.list(for: theo).count == 3, "but it is still listed")
    }
}
