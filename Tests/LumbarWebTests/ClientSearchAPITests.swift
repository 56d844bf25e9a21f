import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import Testing
import TestSupport

/// `GET /api/v1/clients/search`: the search box for staff tokens, with the pages' rule on who sees whom, audited.
@Suite struct ClientSearchAPITests {
    static func ids(_ response: TestResponse) -> [String] {
        ((BookingAPITests.json(response)["clients"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
    }

    @Test func staffFindClientsByNamePhoneAndEmail() async throws {
        let setup = try await SetupAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let byName = try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=ada", token: "lmb_desk")
            #expect(byName.status == .ok)
            #expect(Self.ids(byName) == [fixture.clientA.id])
            let first = try #require((BookingAPITests.json(byName)["clients"] as? [[String: Any]])?.first)
            #expect(first["phone"] as? String == "416-555-0101" && first["email"] as? String == "ada@example.com" && first["matchedBy"] as? String == "first-name")
            #expect(first["emergencyContact"] == nil, "the search gives what a booking needs, no more")
            #expect(Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=416%20555%200102", token: "lmb_desk")) == [fixture.clientB.id])
            #expect(Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=ben%40ex", token: "lmb_owner")) == [fixture.clientB.id])
            #expect(Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=%20", token: "lmb_desk")).isEmpty)
            let audit = try await fixture.services.audit.entries(AuditFilter(actorId: fixture.frontDesk.id))
            #expect(audit.contains { $0.action == .view && $0.infoType == .contact && $0.detail == "API client search, 1 found" })
            #expect(!audit.contains { $0.detail.contains("ada") || $0.detail.contains("555") }, "never what was typed")
        }
    }

    /// Theo treats Ada only; without shared care his token finds Ada and not Ben, as his client list shows.
    @Test func aTherapistFindsOnlyTheirOwnClients() async throws {
        let setup = try await SetupAPITests.setUp()
        let fixture = setup.fixture
        try await fixture.test { client in
            let theo = Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=416-555", token: "lmb_theo"))
            #expect(theo == [fixture.clientA.id])
            let ben = Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=ben", token: "lmb_theo"))
            #expect(ben.isEmpty)
            let desk = Self.ids(try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=416-555", token: "lmb_desk"))
            #expect(Set(desk) == [fixture.clientA.id, fixture.clientB.id])
        }
    }

    @Test func badSearchesNameTheirField() async throws {
        let setup = try await SetupAPITests.setUp()
        try await setup.fixture.test { client in
            let long = try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=" + String(repeating: "a", count: 101), token: "lmb_desk")
            #expect(long.status == .unprocessableContent)
            #expect(SetupAPITests.fields(long) == ["q"])
            let limit = try await SetupAPITests.call(client, .get, "/api/v1/clients/search?q=ada&limit=0", token: "lmb_desk")
            #expect(limit.status == .unprocessableContent)
            #expect(SetupAPITests.fields(limit) == ["limit"])
            let missing = try await SetupAPITests.call(client, .get, "/api/v1/clients/search", token: "lmb_desk")
            #expect(missing.status == .badRequest)
            #expect(SetupAPITests.fields(missing) == ["q"])
            let cookie = try await client.execute(uri: "/api/v1/clients/search?q=ada", method: .get)
            #expect(cookie.status == .unauthorized)
        }
    }
}
