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

/// Script and markup typed into free-text fields stay text everywhere they are shown, printed or exported;
/// search terms are only ever data; bad bodies get a 4xx with a reason.
@Suite struct HostileInputTests {
    static let payload = "<script>alert('x')</script><img src=x onerror=alert(1)>\"&"
    /// How many of the fields the payload is typed into below the staff's printable record shows (counted once by
    /// hand: intake answers, consent signer, chart note, referral, the signed visit note, plan and program notes).
    static let storedInRecord = 17
    static let escaped = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;&quot;&amp;"

    /// A form post that was taken: a redirect onward or a page, never a refusal or an error.
    static func accepted(_ page: Browser.Page, _ what: String) {
        #expect(page.status == .seeOther || page.status == .ok, "\(what): \(page.status.code)")
        #expect(!page.body.contains("-error\""), "\(what) was re-shown with a problem")
    }

    /// The raw markup never appears; its escaped form does.
    static func safe(_ body: String, _ where_: String) {
        #expect(!body.contains("<script>alert") && !body.contains("<img src=x"), "raw markup in \(where_)")
    }

    @Test func scriptInFreeTextRendersAsTextInPagesPrintoutsAndExports() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            var answers = IntakeWebTests.answers()
            for field in ["conditionsOther", "medicationsOther", "surgeriesOther", "allergies", "painNotes", "psfs.activity.1", "emergencyName"] {
                answers[field] = [Self.payload]
            }
            let (ada, intake) = try await IntakeWebTests.submitted(client, answers)
            try await ada.get("\(intake)/consent/treatment")
            Self.accepted(try await ada.post("\(intake)/consent/treatment", ["signerName": Self.payload, "agree": "yes"]), "treatment consent")
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let id = fixture.clientA.id
            let intakeId = String(intake.split(separator: "/").last!)
            try await theo.get("/clients/\(id)")
            Self.accepted(try await theo.post("/clients/\(id)/notes", ["body": Self.payload]), "chart note")
            try await theo.get("/clients/\(id)")
            Self.accepted(try await theo.post("/clients/\(id)/intakes/\(intakeId)/actions", ["kind": "referred", "recipient": Self.payload, "detail": Self.payload]),
                          "referral action")
            let note = try #require(try await theo.post("/clients/\(id)/visits", [:]).location)
            try await theo.get(note)
            Self.accepted(try await theo.post(note, pairs: [("painNow", "3"), ("subjective", Self.payload), ("objective", Self.payload), ("tests", Self.payload),
                                                            ("rangeOfMotion", Self.payload), ("plan", Self.payload), ("go", "sign")]), "signed visit note")
            try await theo.get("/clients/\(id)/plan")
            Self.accepted(try await theo.post("/clients/\(id)/plan", pairs: [("goal-1", Self.payload), ("technique", "swedish"), ("note-swedish", Self.payload),
                                                                             ("area", "lumbar-left"), ("frequency", Self.payload), ("visits", "4"),
                                                                             ("reassessOn", "2030-01-01")]), "treatment plan")
            try await theo.get("/clients/\(id)/program")
            Self.accepted(try await theo.post("/clients/\(id)/program", pairs: [("include", "bridge"), ("item-bridge-sets", "2"), ("item-bridge-reps", "10"),
                                                                                ("item-bridge-often", Self.payload), ("item-bridge-note", Self.payload),
                                                                                ("note", Self.payload)]), "home program")
            try await ada.get("/me/program")
            let program = try #require(try await SQLHomeProgramRepository(database: fixture.services.database).current(clientId: id))
            Self.accepted(try await ada.post("/me/program/log", ["program": program.id, "day": fixture.clock.now.utcDate.description, "done": "yes", "pain": "2",
                                                                 "note": Self.payload]), "program diary")

            let pages = ["/clients/\(id)", "/clients/\(id)/intakes/\(intakeId)", note, "/clients/\(id)/plan", "/clients/\(id)/program",
                         "/clients/\(id)/program/print", "/clients/\(id)/record", "/clients/\(id)/referral-letter"]
            for page in pages {
                let body = try await theo.get(page).body
                Self.safe(body, page)
            }
            // Every field the payload was typed into is kept, as text: the printable record shows each of them.
            let record = try await theo.get("/clients/\(id)/record").body
            let kept = record.components(separatedBy: Self.escaped).count - 1
            #expect(kept >= Self.storedInRecord, "the payload shows \(kept) times in the record")
            for page in ["/me", "/me/program", "/me/program/print", "/me/record", "\(intake)/result"] {
                Self.safe(try await ada.get(page).body, page)
            }
            // Exports carry it as data: valid JSON holding the exact string.
            for export in ["/me/record.json", "/me/record.fhir.json"] {
                let body = try await ada.get(export).body
                #expect((try? JSONSerialization.jsonObject(with: Data(body.utf8))) != nil, "\(export) is valid JSON")
                #expect(body.contains("<script>alert('x')</script>") || body.contains("\\u003cscript"), "\(export) keeps the text")
            }
        }
    }

    @Test(arguments: TestDatabase.engines)
    func searchTermsAreOnlyData(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            for term in ["' OR '1'='1", "%' OR 1=1 --", "\"; DROP TABLE clients; --", "%", "_"] {
                // The list page shows the newest clients when nothing searchable was typed; the search itself must find no one.
                #expect(try await desk.get("/clients?q=" + Browser.escape(term)).status == .ok)
                let found = try await desk.get("/clients/search?q=" + Browser.escape(term))
                #expect(found.status == .ok)
                #expect(!found.body.contains("Ada"), "\(term) matched everyone")
            }
            #expect(try await fixture.services.clients.list().count == 2, "nothing dropped or changed")
            #expect(try await desk.get("/clients?q=alp").body.contains("Ada Alpha"), "an ordinary search still finds")
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let audit = try await owner.get("/audit?client=" + Browser.escape("' OR 1=1 --") + "&from=" + Browser.escape("2026-01-01'; --"))
            #expect(audit.status.code < 500)
        }
    }

    @Test func badBodiesGetAReason() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            try await ada.get("/me")
            let big = try await ada.send("/intake", .post, body: "_csrf=\(ada.token())&x=" + String(repeating: "a", count: 3_000_000),
                                        contentType: "application/x-www-form-urlencoded")
            #expect(big.status == .contentTooLarge)
            let wrongType = try await ada.send("/intake", .post, body: "{}", contentType: "application/json")
            #expect(wrongType.status == .unsupportedMediaType)
            let response = try await client.execute(uri: "/intake", method: .post,
                                                    headers: [.contentType: "application/x-www-form-urlencoded", .cookie: ada.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")],
                                                    body: ByteBuffer(bytes: Array("_csrf=\(ada.token())&note=".utf8) + [0xff, 0xfe, 0x41]))
            #expect(response.status.code == 400 && String(buffer: response.body).contains("could not be read"))
        }
    }
}
