import HTTPTypes
import HummingbirdTesting
import LumbarCore
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// What every answer tells browsers and caches: never to keep client information, and (behind https) never to use http.
@Suite struct ResponseHeaderTests {
    @Test func httpsClinicsAskForStrictTransportSecurity() async throws {
        let secure = try await WebFixture.make(configure: { $0.publicURL = "https://clinic.example.com" })
        try await secure.test { client in
            for uri in ["/login", "/api/v1/me", "/no/such/page"] {
                let response = try await client.execute(uri: uri, method: .get)
                #expect(response.headers[.strictTransportSecurity] == "max-age=31536000", "\(uri)")
            }
        }
        let plain = try await WebFixture.make()
        try await plain.test { client in
            let response = try await client.execute(uri: "/login", method: .get)
            #expect(response.headers[.strictTransportSecurity] == nil, "not over plain http")
        }
    }

    /// API answers (refusals included) and every download that carries client information say `no-store`;
    /// before, only pages did. Stylesheets and exercise drawings may still be cached.
    @Test func clientInformationIsNeverStored() async throws {
        let setup = try await BookingAPITests.setUp()
        try await setup.fixture.test { client in
            let booked = try await BookingAPITests.post(client, "/api/v1/appointments", text: APIBodyLimitTests.booking(setup))
            #expect(booked.status == .created)
            let id = try #require(try await APIBodyLimitTests.booked(setup).first?.id)
            let clients = try await BookingAPITests.get(client, "/api/v1/clients")
            let unsigned = try await client.execute(uri: "/api/v1/me", method: .get)
            let unreadable = try await BookingAPITests.post(client, "/api/v1/appointments", text: "{")
            for response in [booked, clients, unsigned, unreadable] {
                #expect(response.headers[.cacheControl] == "no-store", "API \(response.status)")
            }
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            for uri in ["/me/appointments/\(id)/calendar.ics", "/me/record.json", "/me/record.fhir.json", "/me"] {
                let page = try await ada.get(uri)
                #expect(page.status == .ok, "\(uri)")
                #expect(page.headers[.cacheControl] == "no-store", "\(uri)")
            }
            let drawing = try await ada.get("/exercises/\(try #require(ExerciseLibrary.items.first?.id)).svg")
            #expect(drawing.headers[.cacheControl] == "public, max-age=86400")
            let css = try await ada.get("/static/app.css")
            #expect(css.headers[.cacheControl] != "no-store")
        }
    }
}
