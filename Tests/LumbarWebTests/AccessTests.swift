import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// Who may see what, enforced on the server for pages and API alike.
@Suite struct AccessTests {
    @Test(arguments: TestDatabase.engines)
    func clientSeesOnlyTheirOwnRecord(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            #expect(try await browser.signIn("ada@example.com").location == "/")
            let other = try await browser.get("/clients/\(fixture.clientB.id)")
            #expect(other.status == .notFound)
            #expect(!other.body.contains("Beta"))
            let own = try await browser.get("/me")
            #expect(own.status == .ok)
            #expect(own.body.contains("Ada Alpha") || own.body.contains("Ada</"))
            #expect(try await browser.get("/clients").status == .forbidden)
            #expect(try await browser.get("/staff").status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.engines)
    func frontDeskNeverSeesClinicalNotes(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        let token = "lmb_desk-token"
        _ = try await fixture.services.apiTokens.create(accountId: fixture.frontDesk.id, name: "desk", tokenHash: Secrets.hash(token), at: fixture.clock.now)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            let page = try await browser.get("/clients/\(fixture.clientA.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("416-555-0101"))
            #expect(!page.body.contains("Hypertonic erector spinae"))
            // Asking for the chart notes' section gets the overview.
            #expect(!(try await browser.get("/clients/\(fixture.clientA.id)?section=visits").body.contains("Hypertonic erector spinae")))
            let write = try await browser.post("/clients/\(fixture.clientA.id)/notes", ["body": "desk note"])
            #expect(write.status == .forbidden)
            let api = try await client.execute(uri: "/api/v1/clients/\(fixture.clientA.id)/notes", method: .get, headers: [.authorization: "Bearer \(token)"])
            #expect(api.status == .forbidden)
            #expect(!String(buffer: api.body).contains("Hypertonic"))
            #expect(try await fixture.services.chartNotes.list(clientId: fixture.clientA.id).count == 1)
        }
    }

    @Test func therapistSeesOnlyClientsTheyTreatUnlessCareIsShared() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("tara@example.com")
            #expect(try await browser.get("/clients/\(fixture.clientA.id)").status == .notFound)
            #expect(!(try await browser.get("/clients").body.contains("Alpha")))
            try await fixture.services.clinic.update(sharedCare: true, acuteWeeks: 4, rulesOff: [])
            let shared = try await browser.get("/clients/\(fixture.clientA.id)?section=visits")
            #expect(shared.status == .ok)
            #expect(shared.body.contains("Hypertonic erector spinae"))
        }
    }

    @Test func treatingTherapistReadsAndWritesTheChart() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            let page = try await browser.get("/clients/\(fixture.clientA.id)?section=visits")
            #expect(page.body.contains("Hypertonic erector spinae"))
            let posted = try await browser.post("/clients/\(fixture.clientA.id)/notes", ["body": "Released QL; <b>bold</b> claim"])
            #expect(posted.status == .seeOther && posted.location == "/clients/\(fixture.clientA.id)?section=visits#chart-heading")
            let after = try await browser.get("/clients/\(fixture.clientA.id)?section=visits")
            #expect(after.body.contains("Released QL; &lt;b&gt;bold&lt;/b&gt; claim"))
            let empty = try await browser.post("/clients/\(fixture.clientA.id)/notes", ["body": "   "])
            #expect(empty.status == .unprocessableContent)
            #expect(empty.body.contains("Write the note before adding it."))
        }
    }

    @Test(arguments: TestDatabase.engines)
    func formWithoutItsCSRFTokenIsRefused(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            try await browser.get("/clients/new")
            let missing = try await browser.post("/clients", ["firstName": "Eve", "lastName": "Evil", "_csrf": ""])
            #expect(missing.status == .forbidden)
            let wrong = try await browser.post("/clients", ["firstName": "Eve", "lastName": "Evil"], csrf: "not-the-token")
            #expect(wrong.status == .forbidden)
            try await browser.get("/clients/new")
            let right = try await browser.post("/clients", ["firstName": "Eve", "lastName": "Good"])
            #expect(right.status == .seeOther)
            let names = try await fixture.services.clients.list().map(\.lastName)
            #expect(!names.contains("Evil"))
            #expect(names.contains("Good"))
        }
    }

    @Test func signedOutVisitorsAreSentToSignIn() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            for path in ["/", "/clients", "/clients/\(fixture.clientA.id)", "/staff", "/audit", "/account", "/me"] {
                let page = try await browser.get(path)
                #expect(page.status == .seeOther, "\(path)")
                #expect(page.location == "/login", "\(path)")
            }
        }
    }

    @Test func ownerOnlyPages() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("theo@example.com")
            for path in ["/staff", "/settings", "/audit", "/audit.csv"] {
                #expect(try await browser.get(path).status == .forbidden, "\(path)")
            }
            #expect(try await browser.post("/staff", ["name": "X", "email": "x@example.com", "role": "therapist", "password": "aaaaaaaaaaaaaa"]).status == .forbidden)
        }
    }

    /// The stylesheet and the page script are served by us (no CDN), before and after setup.
    @Test func staticAssetsAreServed() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let browser = Browser(client)
            let css = try await browser.get("/static/app.css")
            #expect(css.status == .ok && css.headers[.contentType]?.contains("text/css") == true && css.body.contains("--accent"))
            let script = try await browser.get("/static/app.js")
            #expect(script.status == .ok && script.body.contains("data-autosave"))
            #expect(try await browser.get("/static/missing.js").status == .notFound)
        }
    }
}
