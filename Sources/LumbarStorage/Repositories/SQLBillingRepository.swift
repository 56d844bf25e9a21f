import LumbarClinic
import LumbarCore
import SQLKit

/// Payments and receipts: both only ever added. Receipt numbers come from one counter row, so two desks
/// issuing at once never share a number.
public struct SQLBillingRepository: BillingRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func record(_ payment: Payment, audit: AuditEntry) async throws {
        try await database.write { db in
            try await db.raw("""
                INSERT INTO payments (id, appointment_id, client_id, amount_cents, method, received_at, recorded_by)
                VALUES (\(bind: Database.newID()), \(bind: payment.appointmentId), \(bind: payment.clientId), \(bind: payment.amountCents),
                        \(bind: payment.method.rawValue), \(bind: payment.receivedAt.milliseconds), \(bind: payment.recordedBy))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
        }
    }

    public func payments(clientId: String) async throws -> [Payment] {
        try await database.read { db in
            try await db.raw("SELECT * FROM payments WHERE client_id = \(bind: clientId) ORDER BY received_at, id").all().compactMap { row in
                guard let method = Payment.Method(rawValue: try row.string("method")) else { return nil }
                return Payment(id: try row.string("id"), appointmentId: try row.string("appointment_id"), clientId: try row.string("client_id"),
                               amountCents: try row.int("amount_cents"), method: method, receivedAt: try row.instant("received_at"),
                               recordedBy: try row.string("recorded_by"))
            }
        }
    }

    /// Issues the next receipt for an appointment: the original the first time, a duplicate of it after that.
    public func issueReceipt(appointmentId: String, clientId: String, by accountId: String, audit: AuditEntry, at now: Instant) async throws -> Receipt {
        try await database.write { db in
            guard let counter = try await db.raw("UPDATE receipt_counter SET last_number = last_number + 1 WHERE id = 1 RETURNING last_number").first() else {
                throw StorageError.notFound
            }
            let number = try counter.int("last_number")
            let original = try await db.raw("""
                SELECT id FROM receipts WHERE appointment_id = \(bind: appointmentId) AND duplicate_of IS NULL
                """).first().map { try $0.string("id") }
            let receipt = Receipt(id: Database.newID(), number: number, appointmentId: appointmentId, clientId: clientId, issuedAt: now,
                                  issuedBy: accountId, duplicateOf: original)
            try await db.raw("""
                INSERT INTO receipts (id, number, appointment_id, client_id, issued_at, issued_by, duplicate_of)
                VALUES (\(bind: receipt.id), \(bind: number), \(bind: appointmentId), \(bind: clientId), \(bind: now.milliseconds), \(bind: accountId),
                        \(bind: original))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
            return receipt
        }
    }

    static func receipt(_ row: any SQLRow) throws -> Receipt {
        Receipt(id: try row.string("id"), number: try row.int("number"), appointmentId: try row.string("appointment_id"), clientId: try row.string("client_id"),
                issuedAt: try row.instant("issued_at"), issuedBy: try row.string("issued_by"), duplicateOf: try row.optionalString("duplicate_of"))
    }

    public func receipt(id: String) async throws -> Receipt? {
        try await database.read { db in try await db.raw("SELECT * FROM receipts WHERE id = \(bind: id)").first().map(Self.receipt) }
    }

    public func receipts(clientId: String) async throws -> [Receipt] {
        try await database.read { db in
            try await db.raw("SELECT * FROM receipts WHERE client_id = \(bind: clientId) ORDER BY number").all().map(Self.receipt)
        }
    }
}
