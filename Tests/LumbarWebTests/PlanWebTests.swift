import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Treatment plans: started from the client's own activities and the assessment, versioned, consented again.
@Suite struct PlanWebTests {
    @Test func aPlanIsMadeChangedAndConsentedAgain() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let (ada, intake) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers(["conditions": ["osteoporosis"], "medications": ["anticoagulant"]]))
            try await ada.get("\(intake)/consent/treatment")
            try await ada.post("\(intake)/consent/treatment", ["signerName": "Ada Alpha", "agree": "yes"])

            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let form = try await theo.get("/clients/\(fixture.clientA.id)/plan")
            #expect(form.body.contains("value=\"Back to: Lifting my toddler\""), "goals start from the client's activities")
            let statuses = try await PlanRoutes.engineStatuses(fixture.services, clientId: fixture.clientA.id)
            #expect(statuses[.deepTissue] == .contraindicated || statuses[.deepTissue] == .caution, "anticoagulant and osteoporosis")
            let base: [(String, String)] = [("goal-1", "Back to: Lifting my toddler"), ("technique", "swedish"), ("area", "lumbar-left"), ("area", "lumbar-right"),
                                            ("pressure", "light"), ("frequency", "once a week"), ("visits", "6"), ("reassessOn", "2030-01-01")]
            let override = try await theo.post("/clients/\(fixture.clientA.id)/plan", pairs: base + [("technique", "deep-tissue")])
            #expect(override.status == .unprocessableContent && override.body.contains("note why you chose it") && override.body.contains("Lifting my toddler"))
            try await theo.get("/clients/\(fixture.clientA.id)/plan")
            #expect(try await theo.post("/clients/\(fixture.clientA.id)/plan", pairs: base).location == "/clients/\(fixture.clientA.id)/plan")
            let first = try await theo.get("/clients/\(fixture.clientA.id)/plan")
            #expect(first.body.contains("Current plan (version 1)") && !first.body.contains("Still needed"), "the intake's consent covers the first plan")
            #expect(first.body.contains("Assessment and treatment: signed by Ada Alpha"), "the plan names the consent it relies on")

            fixture.clock.advance(seconds: 60)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)/plan")
            try await theo.post("/clients/\(fixture.clientA.id)/plan", pairs: base + [("area", "gluteal-left")])
            let changed = try await theo.get("/clients/\(fixture.clientA.id)/plan")
            #expect(changed.body.contains("Current plan (version 2)") && changed.body.contains("Consent to this plan as changed")
                    && changed.body.contains("gluteal area for this plan"))
            let plans = try await SQLTreatmentPlanRepository(database: fixture.services.database).versions(clientId: fixture.clientA.id)
            #expect(plans.map(\.version) == [2, 1] && plans[1].areas == [.lumbarLeft, .lumbarRight], "the first version stays")
            #expect(try await fixture.audit(client: fixture.clientA.id).filter { $0.detail == "treatment plan saved" }.count == 2)
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            #expect(try await desk.get("/clients/\(fixture.clientA.id)/plan").status == .forbidden)
        }
    }
}
