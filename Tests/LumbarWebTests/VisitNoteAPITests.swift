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

/// Visit notes and templates through the API: the pages' access rules, checks and audit; a draft saved whole,
/// signed once, changed by amendment; problems named by JSON field.
@Suite struct VisitNoteAPITests {
    static func call(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, token: String = "lmb_theo",
                     _ body: Any? = nil) async throws -> TestResponse {
        try await SetupAPITests.call(client, method, uri, token: token, body)
    }

    static var fullNote: [String: Any] { [
        "painNow": 4, "subjective": "Better after walking.", "psfs": [["activity": 0, "rating": 6]], "findings": ["hypertonicity"],
        "objective": "Tight QL left.", "rangeOfMotion": "", "tests": "", "bodyChart": [["region": "lumbar-left", "kind": "tension", "strength": 6]],
        "techniques": [["technique": "swedish", "areas": ["lumbar-left"], "pressure": "moderate", "minutes": 30]], "glutealVerbalConsent": false,
        "plan": "Weekly.",
    ] }

    @Test(arguments: TestDatabase.engines)
    func aNoteIsStartedSavedSignedAndAmendedOverTheAPI(engine: Database.Engine) async throws {
        let setup = try await SetupAPITests.setUp(engine)
        let fixture = setup.fixture
        let ada = fixture.clientA.id
        try await fixture.test { client in
            let started = try await Self.call(client, .post, "/api/v1/clients/\(ada)/visit-notes")
            #expect(started.status == .created, "\(String(buffer: started.body))")
            let draft = SetupAPITests.json(started)
            let id = try #require(draft["id"] as? String)
            #expect(draft["status"] as? String == "draft" && draft["authorName"] as? String != nil)

            // Bad numbers and unknown fields are named; nothing is saved.
            var bad = Self.fullNote
            bad["painNow"] = 11
            bad["bodyChart"] = [["region": "lumbar-left", "kind": "tension", "strength": 0]]
            let refused = try await Self.call(client, .put, "/api/v1/clients/\(ada)/visit-notes/\(id)", bad)
            #expect(refused.status == .unprocessableContent && Set(SetupAPITests.fields(refused)) == ["painNow", "bodyChart.0.strength"])
            var unknown = Self.fullNote
            unknown["signedAt"] = "2026-01-01T00:00:00Z"
            #expect(SetupAPITests.fields(try await Self.call(client, .put, "/api/v1/clients/\(ada)/visit-notes/\(id)", unknown)) == ["signedAt"])

            let saved = try await Self.call(client, .put, "/api/v1/clients/\(ada)/visit-notes/\(id)", Self.fullNote)
            #expect(saved.status == .ok)
            let stored = try #require(try await fixture.services.visitNotes.find(id: id))
            #expect(stored.painNow == 4 && stored.bodyChart.entries == ["lumbar-left:tension:6"] && stored.psfs == [6])
            #expect(stored.techniques == [.init(technique: .swedish, areas: [.lumbarLeft], pressure: .moderate, minutes: 30)])

            // Someone else's draft, or a role that does not write notes, is refused.
            #expect(try await Self.call(client, .put, "/api/v1/clients/\(ada)/visit-notes/\(id)", token: "lmb_owner", Self.fullNote).status == .forbidden)
            #expect(try await Self.call(client, .get, "/api/v1/clients/\(ada)/visit-notes", token: "lmb_desk").status == .forbidden)

            let signed = try await Self.call(client, .post, "/api/v1/clients/\(ada)/visit-notes/\(id)/sign")
            #expect(signed.status == .ok && SetupAPITests.json(signed)["status"] as? String == "signed")
            #expect(try await Self.call(client, .put, "/api/v1/clients/\(ada)/visit-notes/\(id)", Self.fullNote).status == .conflict)
            #expect(try await Self.call(client, .post, "/api/v1/clients/\(ada)/visit-notes/\(id)/sign").status == .conflict)

            // A follow-up copied from it, then an amendment of the original.
            let next = try await Self.call(client, .post, "/api/v1/clients/\(ada)/visit-notes", ["copyFromLast": ["objective", "body-chart", "plan"]])
            let copied = SetupAPITests.json(next)
            #expect(copied["objective"] as? String == "Tight QL left." && copied["plan"] as? String == "Weekly." && copied["subjective"] as? String == "")
            #expect((copied["techniques"] as? [Any])?.isEmpty == true, "techniques were not asked for")
            let amendment = try await Self.call(client, .post, "/api/v1/clients/\(ada)/visit-notes/\(id)/amend")
            #expect(amendment.status == .created && SetupAPITests.json(amendment)["amends"] as? String == id)
            let list = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/clients/\(ada)/visit-notes"))
            #expect((list["notes"] as? [Any])?.count == 3)

            // The chart's header: clinical parts for Theo, only the front desk's part for the desk.
            let summary = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/clients/\(ada)/chart-summary"))
            #expect(summary["clinical"] as? Bool == true && summary["signedVisits"] as? Int == 1 && summary["unsignedNotes"] as? Int == 2)
            #expect((summary["pain"] as? [String: Any])?["score"] as? Int == 4)
            let desk = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/clients/\(ada)/chart-summary", token: "lmb_desk"))
            #expect(desk["clinical"] as? Bool == false && desk["pain"] == nil && desk["owedCents"] as? Int == 0)

            let audit = try await fixture.audit(client: ada).map(\.detail)
            #expect(audit.contains("visit note signed") && audit.contains("API visit notes") && audit.contains("visit note draft saved (API)"))
        }
    }

    @Test func templatesAreKeptOverTheAPIByTheSameRules() async throws {
        let setup = try await SetupAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let body: [String: Any] = ["name": "Follow-up", "subjective": "Since last time:", "objective": "", "plan": "Reassess at 4.",
                                       "techniques": [["technique": "cupping", "areas": ["sacrum"], "pressure": "light", "minutes": 10]]]
            let clinic = try await Self.call(client, .post, "/api/v1/note-templates", token: "lmb_owner", body)
            #expect(clinic.status == .created && SetupAPITests.json(clinic)["clinicWide"] as? Bool == true)
            let clinicId = try #require(SetupAPITests.json(clinic)["id"] as? String)
            let own = try await Self.call(client, .post, "/api/v1/note-templates", body)
            #expect(SetupAPITests.json(own)["clinicWide"] as? Bool == false, "a therapist's template is their own")
            #expect(try await Self.call(client, .put, "/api/v1/note-templates/\(clinicId)", body).status == .notFound, "the clinic's are the owner's")
            #expect(try await Self.call(client, .get, "/api/v1/note-templates", token: "lmb_desk").status == .forbidden)
            var bad = body
            bad["name"] = " "
            bad["techniques"] = [["technique": "cupping", "areas": [], "pressure": "light", "minutes": 0]]
            #expect(Set(SetupAPITests.fields(try await Self.call(client, .post, "/api/v1/note-templates", bad))) == ["techniques.0.minutes"])
            bad["techniques"] = []
            #expect(SetupAPITests.fields(try await Self.call(client, .post, "/api/v1/note-templates", bad)) == ["name"])
            #expect(try await Self.call(client, .post, "/api/v1/note-templates/\(clinicId)/retire", token: "lmb_owner").status == .ok)
            let listed = SetupAPITests.json(try await Self.call(client, .get, "/api/v1/note-templates"))
            #expect((listed["templates"] as? [[String: Any]])?.first { $0["id"] as? String == clinicId }?["retired"] as? Bool == true)

            let started = try await Self.call(client, .post, "/api/v1/clients/\(fixture.clientA.id)/visit-notes", ["templateId": clinicId])
            #expect(started.status == .unprocessableContent, "a retired template is not offered")
            try await Self.call(client, .post, "/api/v1/note-templates/\(clinicId)/restore", token: "lmb_owner")
            let filled = SetupAPITests.json(try await Self.call(client, .post, "/api/v1/clients/\(fixture.clientA.id)/visit-notes", ["templateId": clinicId]))
            #expect(filled["subjective"] as? String == "Since last time:" && filled["plan"] as? String == "Reassess at 4.")
        }
    }
}
