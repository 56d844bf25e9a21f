import Foundation
import HTTPTypes
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import NIOCore
import OpenAPIRuntime
import Synchronization
import Testing
import TestSupport

/// Every API route refuses a body over its limit with 413 as soon as that is known, without reading the rest.
@Suite struct APIBodyLimitTests {
    static func booking(_ setup: BookingAPITests.Setup) -> String {
        #"{"clientId":"\#(setup.fixture.clientA.id)","serviceId":"\#(setup.service.id)","locationId":"\#(setup.location.id)","start":"2026-11-25T10:00:00-05:00"}"#
    }

    /// Ada's appointments in the month ahead.
    static func booked(_ setup: BookingAPITests.Setup) async throws -> [Appointment] {
        let now = setup.fixture.clock.now
        return try await setup.fixture.services.appointments.list(window: TimeRange(start: now, end: now.adding(seconds: 30 * 86_400)),
                                                                  clientId: setup.fixture.clientA.id)
    }

    /// Valid JSON padded to 2 MB: the booking routes read it whole and booked (or answered 400) before.
    @Test func bookingRoutesRefuseALargeBody() async throws {
        let setup = try await BookingAPITests.setUp()
        try await setup.fixture.test { client in
            let padded = String(repeating: " ", count: 2_000_000) + Self.booking(setup)
            for uri in ["/api/v1/appointments", "/api/v1/appointments/any/reschedule", "/api/v1/appointments/any/cancel"] {
                let response = try await BookingAPITests.post(client, uri, text: padded)
                #expect(response.status == .contentTooLarge, "\(uri)")
                #expect((BookingAPITests.json(response)["problems"] as? [[String: Any]])?.first?["field"] as? String == "body", "\(uri)")
            }
            let booked = try await Self.booked(setup)
            #expect(booked.isEmpty, "nothing was booked")
        }
    }

    /// The limit is exact: a body of the limit's size is read, one byte more is refused.
    @Test func theLimitIsExact() async throws {
        let setup = try await BookingAPITests.setUp()
        try await setup.fixture.test { client in
            let body = Self.booking(setup)
            let fits = String(repeating: " ", count: APIBodyMiddleware.bodyLimit - body.utf8.count) + body
            let over = try await BookingAPITests.post(client, "/api/v1/appointments", text: " " + fits)
            #expect(over.status == .contentTooLarge)
            let exact = try await BookingAPITests.post(client, "/api/v1/appointments", text: fits)
            #expect(exact.status == .created)
        }
    }

    /// A body sent in pieces without a length is read only until it passes the limit; one declared too long not at all.
    @Test func aStreamedBodyIsReadNoFurtherThanItsLimit() async throws {
        let pulled = PullCount()
        let piece = HTTPBody.ByteChunk(repeating: 0x20, count: 4_096)
        let endless = AsyncStream<HTTPBody.ByteChunk>(unfolding: { pulled.next() <= 12_800 ? piece : nil })
        let request = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/api/v1/appointments", headerFields: [.contentType: "application/json"])
        let next: @Sendable (HTTPRequest, HTTPBody?, ServerRequestMetadata) async throws -> (HTTPResponse, HTTPBody?) = { _, _, _ in
            Issue.record("an over-long body reached the handler")
            return (HTTPResponse(status: .ok), nil)
        }
        let (streamed, _) = try await APIBodyMiddleware().intercept(request, body: HTTPBody(endless, length: .unknown), metadata: .init(),
                                                                     operationID: "createAppointment", next: next)
        #expect(streamed.status == .contentTooLarge)
        #expect(pulled.count == APIBodyMiddleware.bodyLimit / piece.count + 1, "50 MB offered, 20 KB read")

        let untouched = AsyncStream<HTTPBody.ByteChunk>(unfolding: { Issue.record("a body declared too long was read"); return nil })
        let (declared, _) = try await APIBodyMiddleware().intercept(request, body: HTTPBody(untouched, length: .known(50_000_000)), metadata: .init(),
                                                                     operationID: "rescheduleAppointment", next: next)
        #expect(declared.status == .contentTooLarge)
        let (bodiless, _) = try await APIBodyMiddleware().intercept(request, body: HTTPBody(piece), metadata: .init(), operationID: "getMe", next: next)
        #expect(bodiless.status == .contentTooLarge, "a route that takes no body reads at most \(APIBodyMiddleware.ignoredBodyLimit) bytes of one")
    }
}

/// How many pieces of a streamed body were asked for.
final class PullCount: Sendable {
    private let pulls = Mutex(0)
    var count: Int { pulls.withLock { $0 } }
    func next() -> Int { pulls.withLock { $0 += 1; return $0 } }
}
