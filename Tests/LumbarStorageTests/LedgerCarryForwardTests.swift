import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// A clinic that kept payments and receipts before the ledger keeps every cent and every receipt number after it.
@Suite struct LedgerCarryForwardTests {
    static let now = Instant(milliseconds: 1_795_000_000_000)

    @Test(arguments: TestDatabase.engines)
    func paymentsAndReceiptsMoveOntoInvoicesAndAnOverpaymentBecomesCredit(engine: Database.Engine) async throws {
        let database = try await TestDatabase.make(engine, upTo: 24)
        do {
            let accounts = SQLAccountRepository(database: database)
            let therapist = try await accounts.create(AccountDraft(email: "t@example.com", name: "Tess Therapist", role: .therapist, collegeRegistration: "R77",
                                                                   password: "correct horse battery"), passwordHash: "x", totpSecret: nil, at: Self.now)
            let desk = try await accounts.create(AccountDraft(email: "d@example.com", name: "Fran Desk", role: .frontDesk, password: "correct horse battery"),
                                                 passwordHash: "x", totpSecret: nil, at: Self.now)
            let client = try await SQLClientRepository(database: database).create(Client(id: "", firstName: "Ada", lastName: "Alpha", email: "ada@example.com"), at: Self.now)
            let scheduling = SQLSchedulingRepository(database: database)
            let location = try await scheduling.addLocation(name: "Main", address: "1 King St", timeZone: "America/Toronto", rooms: [], at: Self.now)
            let service = try await scheduling.addService(BookableService(id: "", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15, priceCents: 12_000,
                                                                          taxBasisPoints: 1300, bookableOnline: true, audience: .any))
            let hour: Int64 = 3_600_000
            try await database.write { db in
                try await db.raw("INSERT INTO clinic (id, name, address, time_zone, hst_number, created_at) VALUES (1, 'Back Care', '1 King St', 'America/Toronto', '123 RT0001', 0)").run()
                for (index, (id, status, fee)) in [("visit", "completed", 0), ("missed", "no-show", 4_000), ("later", "booked", 0)].enumerated() {
                    let start = Self.now.milliseconds + Int64(index) * 24 * hour
                    try await db.raw("""
                        INSERT INTO appointments (id, client_id, therapist_id, location_id, service_id, starts_at, ends_at, occupied_until, status, fee_cents, booked_by, created_at, changed_at)
                        VALUES (\(bind: id), \(bind: client.id), \(bind: therapist.id), \(bind: location.id), \(bind: service.id), \(bind: start), \(bind: start + hour),
                                \(bind: start + hour), \(bind: status), \(bind: fee), \(bind: desk.id), 0, 0)
                        """).run()
                }
                // The old desk let $600 be taken against a $135.60 visit.
                for (id, cents, method) in [("p1", 10_000, "debit"), ("p2", 50_000, "cash")] {
                    try await db.raw("""
                        INSERT INTO payments (id, appointment_id, client_id, amount_cents, method, received_at, recorded_by)
                        VALUES (\(bind: id), 'visit', \(bind: client.id), \(bind: cents), \(bind: method), \(bind: Self.now.milliseconds + hour), \(bind: desk.id))
                        """).run()
                }
                try await db.raw("UPDATE receipt_counter SET last_number = 2 WHERE id = 1").run()
                try await db.raw("""
                    INSERT INTO receipts (id, number, appointment_id, client_id, issued_at, issued_by, duplicate_of)
                    VALUES ('r1', 1, 'visit', \(bind: client.id), \(bind: Self.now.milliseconds + 2 * hour), \(bind: desk.id), NULL)
                    """).run()
                try await db.raw("""
                    INSERT INTO receipts (id, number, appointment_id, client_id, issued_at, issued_by, duplicate_of)
                    VALUES ('r2', 2, 'visit', \(bind: client.id), \(bind: Self.now.milliseconds + 3 * hour), \(bind: desk.id), 'r1')
                    """).run()
            }
            #expect(try await Migrator(database: database).migrate() == Schema.migrations.map(\.version).filter { $0 > 24 })

            let billing = SQLBillingRepository(database: database)
            let ledger = try await billing.ledger(clientId: client.id)
            #expect(ledger.entries.map(\.invoice.kind) == [.visit, .fee] && ledger.entries.map(\.invoice.number) == [1, 2])
            let visit = try #require(ledger.standing(appointmentId: "visit"))
            #expect(visit.invoice.totalCents == 13_560 && visit.invoice.seller.therapistRegistration == "R77" && visit.invoice.seller.hstNumber == "123 RT0001")
            #expect(visit.payments.map(\.amountCents) == [10_000, 3_560] && visit.owedCents == 0)
            #expect(ledger.creditCents == 46_440 && ledger.credit.first?.method == .cash, "what was paid beyond the visit is held, not lost")
            #expect(ledger.standing(appointmentId: "missed")?.owedCents == 4_000 && ledger.standing(appointmentId: "later") == nil)
            #expect(visit.receipts.map(\.number) == [1, 2] && visit.receipts[1].duplicateOf == "r1")
            #expect(try await billing.receipt(id: "r2")?.invoiceId == visit.invoice.id)
            // Numbering goes on from where the carried invoices and receipts left it.
            let next = try await billing.issueReceipt(invoiceId: visit.invoice.id, clientId: client.id, by: desk.id,
                                                      audit: AuditEntry(at: Self.now, actorId: desk.id, actorRole: .frontDesk, clientId: client.id, infoType: .record,
                                                                        action: .print, address: "test"), at: Self.now)
            #expect(next.number == 3)
            let counter = try await database.read { db in try await db.raw("SELECT last_number FROM invoice_counter").first()?.decode(column: "last_number", as: Int.self) }
            #expect(counter == 2)
        } catch {
            await TestDatabase.dispose(database)
            throw error
        }
        await TestDatabase.dispose(database)
    }
}
