import LumbarClinic
import LumbarCore
import SQLKit

/// Realistic fake data for trying Lumbar and for measuring it at clinic scale: a clinic with ten therapists, one
/// location, and the clients and appointments asked for (past ones attended, future ones booked), never
/// overlapping. Each attended visit has its invoice: most paid (by cash, debit, card or e-transfer), a few partly or
/// not yet, and now and then a refund. Every name is made up.
public enum DemoData {
    public struct Summary: Sendable, Equatable {
        public let clients: Int
        public let appointments: Int
    }

    static let givenNames = ["Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonah", "Kira", "Liam", "Maya", "Noor",
                             "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tess", "Uma", "Victor", "Wen", "Xavier", "Yara", "Zane"]
    static let familyNames = ["Abbott", "Brar", "Chen", "Dubois", "Evans", "Fontaine", "Gill", "Haddad", "Ivanova", "Jones", "Khan", "Lam",
                              "Martin", "Nguyen", "Okafor", "Patel", "Quesnel", "Roy", "Singh", "Tremblay", "Usman", "Vu", "Wong", "Young"]

    public static let ownerEmail = "demo-owner@example.com"

    /// `ownerHash`, `ownerTOTPSecret` and `ownerRecoveryCodeHashes`: the demo owner's password hash, two-step secret
    /// (turned on, so the owner signs in with it rather than enrolling) and recovery codes, made by the caller (hashing
    /// and secrets belong to the web layer). Adds to an empty database or to the demo clinic only: made-up clients
    /// never go into a real clinic's records.
    public static func generate(database: Database, clients: Int, appointments: Int, now: Instant, ownerHash: String,
                                ownerTOTPSecret: String, ownerRecoveryCodeHashes: [String] = []) async throws -> Summary {
        let clinic = SQLClinicRepository(database: database)
        if let existing = try await clinic.profile() {
            guard try await SQLAccountRepository(database: database).credentials(email: ownerEmail)?.account.role == .owner else {
                throw StorageError.conflict("This database holds a real clinic (\(existing.name)). Demo data goes only into a new database or a demo clinic.")
            }
        } else {
            let owner = try await clinic.setUp(ClinicProfile(name: "Demo Clinic", address: "1 Example Street, Toronto", timeZone: "America/Toronto"),
                                               owner: AccountDraft(email: ownerEmail, name: "Demo Owner", role: .owner, password: "unused-here"),
                                               passwordHash: ownerHash, totpSecret: ownerTOTPSecret, at: now)
            try await SQLAccountRepository(database: database).enableTOTP(id: owner.id, recoveryCodeHashes: ownerRecoveryCodeHashes)
        }
        let accounts = SQLAccountRepository(database: database)
        var therapists = try await accounts.therapists()
        for number in therapists.count..<10 {
            therapists.append(try await accounts.create(AccountDraft(email: "demo-therapist-\(number)@example.com", name: "Demo Therapist \(number + 1)",
                                                                     role: .therapist, collegeRegistration: "D\(10_000 + number)", password: "unused-here"),
                                                        passwordHash: ownerHash, at: now))
        }
        let scheduling = SQLSchedulingRepository(database: database)
        var location = try await scheduling.locations().first
        if location == nil {
            location = try await scheduling.addLocation(name: "Demo location", address: "1 Example Street, Toronto", timeZone: "America/Toronto", rooms: [], at: now)
        }
        var service = try await scheduling.services().first
        if service == nil {
            service = try await scheduling.addService(BookableService(id: "", name: "Massage, 60 minutes", minutes: 60, bufferMinutes: 15, priceCents: 12_000,
                                                                      taxBasisPoints: 1300, bookableOnline: true, audience: .any))
        }
        guard let location, let service else { throw StorageError.notFound }
        let day = [WeeklyHours.Span(start: WallTime("09:00")!, end: WallTime("17:00")!)!]
        for therapist in therapists { try await scheduling.setHours(therapistId: therapist.id, locationId: location.id, WeeklyHours(days: Array(repeating: day, count: 7))) }

        var clientIds: [String] = []
        clientIds.reserveCapacity(clients)
        for batch in stride(from: 0, to: clients, by: 1000) {
            let ids = (batch..<min(batch + 1000, clients)).map { _ in Database.newID() }
            clientIds += ids
            let start = batch
            try await database.write { db in
                var batch: [Client] = []
                for (offset, id) in ids.enumerated() {
                    let n = start + offset
                    let first = givenNames[n % givenNames.count], last = familyNames[(n / givenNames.count) % familyNames.count]
                    let client = Client(id: id, firstName: first, lastName: "\(last)-\(n)", email: "client\(n)@example.com", phone: "416-555-\(1000 + n % 9000)",
                                        dateOfBirth: LocalDate(daysSinceEpoch: -7_000 + n % 20_000))
                    try await db.raw("""
                        INSERT INTO clients (id, first_name, last_name, email, phone, date_of_birth, emergency_contact, created_at)
                        VALUES (\(bind: id), \(bind: first), \(bind: client.lastName), \(bind: client.email), \(bind: client.phone),
                                \(bind: client.dateOfBirth?.description), '', \(bind: now.milliseconds))
                        """).run()
                    batch.append(client)
                }
                try await SQLClientRepository.index(batch, on: db)
            }
        }
        let staff = therapists, clientList = clientIds
        // Five 90-minute slots a day per therapist (60 minutes and the 15-minute turnover fit), going back from a
        // day or so ahead, so none overlap.
        let slotsPerDay = 5, days = (appointments + staff.count * slotsPerDay - 1) / (staff.count * slotsPerDay)
        // A second run goes further back in time, before the appointments already there.
        let earliest = try await database.read { db in
            try await db.raw("SELECT MIN(starts_at) AS first FROM appointments").first().flatMap { try $0.optionalInstant("first") }
        }
        // A fifth of them ahead (booked), the rest past (attended, with their invoices).
        let lastDay = earliest.map { $0.utcDate.adding(days: -1) } ?? now.utcDate.adding(days: max(2, days / 5))
        let firstDay = lastDay.adding(days: 1 - days)
        let profile = try await clinic.profile()
        let clinicName = profile?.name ?? "Demo Clinic", clinicAddress = profile?.address ?? "", hst = profile?.hstNumber
        let tax = Billing.tax(service.priceCents, basisPoints: service.taxBasisPoints)
        let firstNumber = try await database.read { db in try await db.raw("SELECT last_number FROM invoice_counter WHERE id = 1").first()?.int("last_number") ?? 0 }
        for batch in stride(from: 0, to: appointments, by: 1000) {
            let range = batch..<min(batch + 1000, appointments)
            try await database.write { db in
                for index in range {
                    let therapist = staff[index % staff.count]
                    let slot = index / staff.count
                    let date = firstDay.adding(days: slot / slotsPerDay)
                    let start = Instant(milliseconds: (Int64(date.daysSinceEpoch) * 86_400 + Int64(14 * 3600 + (slot % slotsPerDay) * 5400)) * 1000)
                    let end = start.adding(seconds: 3600)
                    let status = start < now ? (index % 17 == 0 ? "no-show" : "completed") : "booked"
                    let appointmentId = Database.newID(), clientId = clientList[index % clientList.count]
                    try await db.raw("""
                        INSERT INTO appointments (id, client_id, therapist_id, location_id, room_id, service_id, starts_at, ends_at, occupied_until, status,
                                                  fee_cents, booked_by, created_at, changed_at)
                        VALUES (\(bind: appointmentId), \(bind: clientId), \(bind: therapist.id),
                                \(bind: location.id), NULL, \(bind: service.id), \(bind: start.milliseconds), \(bind: end.milliseconds),
                                \(bind: end.adding(seconds: 900).milliseconds), \(bind: status), 0, \(bind: therapist.id), \(bind: now.milliseconds), \(bind: now.milliseconds))
                        """).run()
                    if status == "completed" {
                        try await invoiceVisit(db, number: firstNumber + index + 1, index: index, appointmentId: appointmentId, clientId: clientId,
                                               therapist: therapist, locationId: location.id, service: service, tax: tax, at: end,
                                               seller: (clinicName, clinicAddress, hst))
                    }
                }
            }
        }
        try await database.write { db in
            try await db.raw("UPDATE invoice_counter SET last_number = \(bind: firstNumber + appointments) WHERE id = 1").run()
            // The invoices and payments above were written directly, so what they owe is added in one pass here.
            try await SQLBillingRepository.fillBalanceChanges(on: db)
            try await SQLRevenueDays.rebuildAll(on: db)
        }
        return Summary(clients: clients, appointments: appointments)
    }

    /// An attended visit's invoice and what was paid on it: most in full, one in 23 owing, one in 31 half paid, one
    /// in 97 partly refunded. Numbers follow the appointments', so a gap is a visit not invoiced.
    static func invoiceVisit(_ db: any SQLDatabase, number: Int, index: Int, appointmentId: String, clientId: String, therapist: Account,
                             locationId: String, service: BookableService, tax: Int, at issued: Instant,
                             seller: (name: String, address: String, hst: String?)) async throws {
        let invoiceId = Database.newID(), total = service.priceCents + tax
        try await db.raw("""
            INSERT INTO invoices (id, number, client_id, kind, appointment_id, location_id, therapist_id, service_id, issued_at, issued_by,
                                  subtotal_cents, tax_cents, clinic_name, clinic_address, hst_number, therapist_name, therapist_registration)
            VALUES (\(bind: invoiceId), \(bind: number), \(bind: clientId), 'visit', \(bind: appointmentId), \(bind: locationId), \(bind: therapist.id),
                    \(bind: service.id), \(bind: issued.milliseconds), \(bind: therapist.id), \(bind: service.priceCents), \(bind: tax), \(bind: seller.name),
                    \(bind: seller.address), \(bind: seller.hst), \(bind: therapist.name), \(bind: therapist.collegeRegistration ?? ""))
            """).run()
        try await db.raw("""
            INSERT INTO invoice_lines (invoice_id, position, description, subtotal_cents, tax_cents)
            VALUES (\(bind: invoiceId), 0, \(bind: service.name), \(bind: service.priceCents), \(bind: tax))
            """).run()
        guard index % 23 != 5 else { return }
        let paid = index % 31 == 7 ? total / 2 : total
        let method = ["debit", "credit", "cash", "e-transfer", "debit", "credit"][index % 6]
        let paymentId = Database.newID()
        try await db.raw("""
            INSERT INTO ledger_payments (id, invoice_id, client_id, amount_cents, method, received_at, recorded_by)
            VALUES (\(bind: paymentId), \(bind: invoiceId), \(bind: clientId), \(bind: paid), \(bind: method), \(bind: issued.milliseconds), \(bind: therapist.id))
            """).run()
        guard index % 97 == 11 else { return }
        try await db.raw("""
            INSERT INTO refunds (id, payment_id, invoice_id, client_id, amount_cents, method, reason, refunded_at, refunded_by)
            VALUES (\(bind: Database.newID()), \(bind: paymentId), \(bind: invoiceId), \(bind: clientId), 2000, \(bind: method),
                    'Visit cut short', \(bind: issued.adding(seconds: 1800).milliseconds), \(bind: therapist.id))
            """).run()
    }
}
