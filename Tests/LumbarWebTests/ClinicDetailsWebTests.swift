import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
@testable import LumbarWeb
import Testing
import TestSupport

/// The owner corrects the clinic's name, address, zone and HST number after set-up: refused beside the field with
/// what was typed kept, saved and audited, and read by the receipts from then on.
@Suite struct ClinicDetailsWebTests {
    @Test func theOwnerCorrectsTheClinicsDetails() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let settings = try await owner.get("/settings")
            #expect(settings.body.contains("href=\"/settings/clinic\""))
            let form = try await owner.get("/settings/clinic")
            let before = try #require(try await fixture.services.clinic.profile())
            #expect(form.status == .ok && form.body.contains("value=\"\(HTMLEscaping().escapeText(before.name))\""))

            let bad = try await owner.post("/settings/clinic", ["clinicName": "Spine & Ease Massage", "address": "", "timeZone": "America/Toronto",
                                                                "hstNumber": "12345"])
            #expect(bad.status == .unprocessableContent)
            #expect(bad.body.contains("id=\"address-error\"") && bad.body.contains("id=\"hstNumber-error\""))
            #expect(bad.body.contains("value=\"Spine &amp; Ease Massage\""), "what was typed is kept")
            #expect(try await fixture.services.clinic.profile() == before, "nothing saved")

            let saved = try await owner.post("/settings/clinic", ["clinicName": "Spine & Ease Massage", "address": "40 Queen St E, Toronto",
                                                                  "timeZone": "America/Vancouver", "hstNumber": "123456789 RT0001"])
            #expect(saved.location == "/settings?saved=clinic")
            #expect(try await owner.get("/settings?saved=clinic").body.contains("Clinic details saved."))
            let after = try #require(try await fixture.services.clinic.profile())
            #expect(after.name == "Spine & Ease Massage" && after.address == "40 Queen St E, Toronto" && after.timeZone == "America/Vancouver"
                    && after.hstNumber == "123456789 RT0001")
            #expect(after.sharedCare == before.sharedCare && after.acuteWeeks == before.acuteWeeks, "the other settings are untouched")
            let audit = try await fixture.services.audit.entries(AuditFilter())
            #expect(audit.contains { $0.detail == "clinic details changed" && $0.actorId == fixture.owner.id })

            // Clearing the HST number is allowed (a small clinic may not charge it).
            #expect(try await owner.post("/settings/clinic", ["clinicName": "Spine & Ease Massage", "address": "40 Queen St E, Toronto",
                                                              "timeZone": "America/Vancouver", "hstNumber": " "]).status == .seeOther)
            #expect(try await fixture.services.clinic.profile()?.hstNumber == nil)
        }
    }
}
