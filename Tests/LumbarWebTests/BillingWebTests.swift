import Foundation
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
import LumbarStorage
@testable import LumbarWeb
import SQLKit
import Testing
import TestSupport

/// Payments and receipts to the College's billing standard.
@Suite struct BillingWebTests {
    @Test(arguments: TestDatabase.engines)
    func paymentsAndReceiptsWithDuplicates(engine: Database.Engine) async throws {
        let setup = try await BookingAPITests.setUp(engine, clockAt: "2026-11-20T14:00:00Z")
        let fixture = setup.fixture
        try await fixture.services.database.write(changing: [.clinic]) { db in try await db.raw("UPDATE clinic SET hst_number = '123456789 RT0001' WHERE id = 1").run() }
        let booked = try await BookingService(services: fixture.services).book(
            clientId: fixture.clientA.id, serviceId: setup.service.id, locationId: setup.location.id, therapistId: fixture.therapist.id,
            starts: [Instant(milliseconds: 1_795_204_800_000)], bookedBy: fixture.frontDesk, channel: .staff)
        try await fixture.services.appointments.setStatus(id: booked[0].id, .completed, at: fixture.clock.now)
        try await fixture.test { client in
            let desk = Browser(client)
            _ = try await desk.signIn("desk@example.com")
            let page = try await desk.get("/clients/\(fixture.clientA.id)/billing")
            #expect(page.body.contains("charge $135.60") && page.body.contains("owes $135.60"))
            let bad = try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/payments", ["amount": "twelve", "method": "debit"])
            #expect(bad.status == .unprocessableContent && bad.body.contains("Enter an amount such as 120.00"))
            try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/payments", ["amount": "100", "method": "debit"])
            try await desk.get("/clients/\(fixture.clientA.id)/billing")
            try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/payments", ["amount": "35.60", "method": "cash"])
            #expect(try await desk.get("/clients/\(fixture.clientA.id)/billing").body.contains("id=\"total-owed\">$0.00"))

            let issued = try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/receipts", [:])
            let first = try #require(issued.location)
            let receipt = try await desk.get(first)
            for fact in ["Ada Alpha", "Friday 20 November 2026 at 3:00 p.m.", "Theo Therapist, registration R1234", "HST number: 123456789 RT0001",
                         "$120.00", "$15.60", "$135.60", "Signed electronically"] {
                #expect(receipt.body.contains(fact), "\(fact)")
            }
            #expect(!receipt.body.contains("DUPLICATE"))
            try await desk.get("/clients/\(fixture.clientA.id)/billing")
            let again = try #require(try await desk.post("/clients/\(fixture.clientA.id)/appointments/\(booked[0].id)/receipts", [:]).location)
            let duplicate = try await desk.get(again)
            #expect(duplicate.body.contains("DUPLICATE") && duplicate.body.contains("Receipt 2"))
            try await desk.post("\(first)/email", [:])
            let mail = try await fixture.services.outbox.claim(limit: 10, lease: 60, at: fixture.clock.now)
            #expect(mail.contains { $0.subject == "Your receipt 1" && $0.recipient == "ada@example.com" && $0.body.contains("registration R1234") })

            // The client reads their own receipts; another client cannot.
            let ada = Browser(client)
            _ = try await ada.signIn("ada@example.com")
            #expect(try await ada.get("/me").body.contains("id=\"my-receipts\""))
            #expect(try await ada.get(first).status == .ok)
            let ben = Browser(client)
            _ = try await ben.signIn("ben@example.com")
            #expect(try await ben.get(first).status == .notFound)
            let audit = try await fixture.audit(client: fixture.clientA.id)
            #expect(audit.filter { $0.detail == "payment recorded" }.count == 2 && audit.filter { $0.detail == "receipt issued" }.count == 2)
            #expect(audit.contains { $0.action == .export && $0.detail == "receipt 1 emailed" })
        }
    }
}
