import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// The owner's switch for the unconfirmed aneurysm rule, and that intake triage, visit notes and the API all follow it.
@Suite struct ClinicSettingsWebTests {
    /// A subacute case whose only warning sign is a pulsing lump in the belly.
    static let mass = #"{"assessedOn":"2026-11-24","age":40,"onset":"gradual","painStartedOn":"2026-10-01","painNow":3,"legPain":"none","legSides":"none","findings":["pulsating-abdominal-mass"]}"#

    @Test(arguments: TestDatabase.engines)
    func theAneurysmRuleIsOnUntilTheOwnerSwitchesItOffAndEveryAssessmentFollows(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let token = "lmb_theo_settings"
        _ = try await fixture.services.apiTokens.create(accountId: fixture.therapist.id, name: "t", tokenHash: Secrets.hash(token), at: fixture.clock.now)
        try await fixture.test { client in
            func assessed() async throws -> String {
                let response = try await client.execute(uri: "/api/v1/assessments", method: .post,
                                                        headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                                                        body: ByteBuffer(string: Self.mass))
                #expect(response.status == .ok)
                return String(buffer: response.body)
            }
            // On by default.
            #expect(try await assessed().contains("\"urgency\":\"emergency\""))

            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let page = try await owner.get("/settings")
            #expect(page.body.contains("name=\"rule-aortic-aneurysm\"") && page.body.contains("<option value=\"on\" selected>"))
            #expect(page.body.contains("Source: reference §2 (unconfirmed against a guideline)"), "the source note is beside the switch")

            let refused = try await owner.post("/settings", ["acuteWeeks": "4", "rule-aortic-aneurysm": "maybe", "sharedCare": "on"])
            #expect(refused.status == .unprocessableContent && refused.body.contains("id=\"rule-aortic-aneurysm-error\""))
            #expect(refused.body.contains("name=\"sharedCare\" checked"), "the tick sent is shown again with the refusal")
            #expect(try await fixture.services.clinic.profile()?.rulesOff == [])
            #expect(try await fixture.services.clinic.profile()?.sharedCare == false, "nothing of a refused form is kept")

            try await owner.get("/settings")
            let saved = try await owner.post("/settings", ["acuteWeeks": "4", "rule-aortic-aneurysm": "off"])
            #expect(saved.status == .ok && saved.body.contains("Settings saved.") && saved.body.contains("<option value=\"off\" selected>"))
            #expect(try await fixture.services.clinic.profile()?.rulesOff == ["aortic-aneurysm"])
            #expect(try await fixture.audit().contains { $0.actorId == fixture.owner.id && $0.action == .change && $0.detail.contains("aortic-aneurysm rule off") })
            // A save that leaves the switch out changes nothing about it.
            try await owner.post("/settings", ["acuteWeeks": "6"])
            let kept = try #require(try await fixture.services.clinic.profile())
            #expect(kept.rulesOff == ["aortic-aneurysm"] && kept.acuteWeeks == 6)

            // Off: the API, intake triage and the visit note leave the sign unflagged.
            let off = try await assessed()
            #expect(off.contains("\"urgency\":\"none\"") && !off.contains("aortic-aneurysm"))
            let (_, base) = try await IntakeWebTests.submitted(client, IntakeWebTests.answers(["sign.pulsating-abdominal-mass": ["yes"]]))
            #expect(try await IntakeWebTests.intake(fixture, base).urgency == .routine, "the leg tingling alone: routine")
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            try await theo.get("/clients/\(fixture.clientA.id)")
            let started = try await theo.post("/clients/\(fixture.clientA.id)/visits", [:])
            let path = try #require(started.location)
            try await theo.get(path)
            try await theo.post(path, pairs: [("painNow", "3"), ("subjective", "Steady."), ("technique", "swedish"), ("technique-swedish-areas", "lumbar-left"),
                                              ("technique-swedish-pressure", "moderate"), ("technique-swedish-minutes", "30"), ("plan", "Weekly."), ("go", "sign")])
            let signed = try #require(try await SQLVisitNoteRepository(database: fixture.services.database).find(id: String(path.split(separator: "/").last!)))
            #expect(signed.status == .signed && signed.urgency == .routine)

            // On again: the same answers are an emergency everywhere.
            try await owner.get("/settings")
            try await owner.post("/settings", ["acuteWeeks": "4", "rule-aortic-aneurysm": "on"])
            #expect(try await fixture.services.clinic.profile()?.rulesOff == [])
            #expect(try await fixture.audit().contains { $0.detail.contains("aortic-aneurysm rule on") })
            #expect(try await assessed().contains("\"urgency\":\"emergency\""))
            try await theo.get("/clients/\(fixture.clientA.id)")
            let next = try #require(try await theo.post("/clients/\(fixture.clientA.id)/visits", [:]).location)
            #expect(try await theo.get(next).body.contains("badge emergency"), "the draft's live assessment, as stored at signing")
        }
    }
}
