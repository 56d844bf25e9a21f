import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// The one client search box: `/clients/search` as JSON, the client list with and without a query, and who finds whom.
@Suite struct ClientSearchWebTests {
    @Test(arguments: TestDatabase.engines)
    func staffFindClientsAsJSONAndTheSearchIsAuditedWithoutTheWordsTyped(engine: Database.Engine) async throws {
        let fixture = try await WebFixture.make(engine)
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            let page = try await browser.get("/clients/search?q=alp")
            #expect(page.status == .ok)
            #expect(page.headers[.contentType]?.hasPrefix("application/json") == true)
            struct Answer: Decodable { struct Found: Decodable { let id, name, born, phone, email, href: String }; let clients: [Found] }
            let answer = try JSONDecoder().decode(Answer.self, from: Data(page.body.utf8))
            #expect(answer.clients.map(\.id) == [fixture.clientA.id])
            #expect(answer.clients.first?.name == "Ada Alpha" && answer.clients.first?.href == "/clients/\(fixture.clientA.id)")
            let byPhone = try JSONDecoder().decode(Answer.self, from: Data(try await browser.get("/clients/search?q=%28416%29%20555-0102").body.utf8))
            #expect(byPhone.clients.map(\.id) == [fixture.clientB.id])
            let audit = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.frontDesk.id)).filter { $0.detail.hasPrefix("client search") }
            #expect(audit.map(\.detail).sorted() == ["client search, 1 found", "client search, 1 found"])
            #expect(!audit.contains { $0.detail.contains("alp") })
            let tooLong = try await browser.get("/clients/search?q=" + String(repeating: "a", count: 101))
            #expect(tooLong.status.code >= 400 && tooLong.status.code < 500)
        }
    }

    @Test func aClientCannotSearchAndATherapistFindsOnlyTheirOwnClients() async throws {
        let fixture = try await WebFixture.make()
        try await fixture.test { client in
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            #expect(try await ada.get("/clients/search?q=beta").status == .forbidden)
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            #expect(!(try await tara.get("/clients/search?q=alpha").body.contains(fixture.clientA.id)))
            #expect(!(try await tara.get("/clients?q=alpha").body.contains("Ada Alpha")))
        }
    }

    @Test func theClientListShowsTheNewestWithACountAndMatchesWithoutScript() async throws {
        let fixture = try await WebFixture.make()
        for n in 0..<30 {
            _ = try await fixture.services.clients.create(Client(id: "", firstName: "Pat", lastName: "Many\(n)"), at: fixture.clock.now.adding(seconds: Int64(n + 1)))
        }
        try await fixture.test { client in
            let browser = Browser(client)
            _ = try await browser.signIn("desk@example.com")
            let list = try await browser.get("/clients")
            #expect(list.status == .ok)
            #expect(list.body.contains("32 clients"))
            #expect(list.body.contains("Type in the box to find anyone else"))
            #expect(list.body.contains("Pat Many29") && !list.body.contains("Ada Alpha"), "the newest 20, not everyone")
            #expect(list.body.contains("role=\"listbox\"") && list.body.contains("type=\"search\""))
            let found = try await browser.get("/clients?q=ada")
            #expect(found.body.contains("Ada Alpha") && !found.body.contains("Ben Beta") && !found.body.contains("Pat Many"))
            let none = try await browser.get("/clients?q=zzzz")
            #expect(none.body.contains("No client found"))
            // A date written with slashes cannot be searched: the page says so beside the box, and how to write it.
            let unread = try await browser.get("/clients?q=%2F%2F")
            #expect(unread.body.contains("can be searched") && unread.body.contains("17 Nov 1950") && unread.body.contains("aria-invalid=\"true\""))
            #expect(!(try await browser.get("/clients").body.contains("can be searched")), "nothing typed, nothing said")
        }
    }
}
