import LumbarClinic
import LumbarCore
import SQLKit

/// Consents and withdrawals, append-only; each write commits with its audit row.
public struct SQLConsentRepository: ConsentRepository {
    let database: Database
    public init(database: Database) { self.database = database }

    public func add(_ consent: Consent, audit: AuditEntry) async throws -> String {
        let id = consent.id.isEmpty ? Database.newID() : consent.id
        try await database.write { db in
            if let withdraws = consent.withdraws {
                let original = try await db.raw("""
                    SELECT 1 AS yes FROM consents WHERE id = \(bind: withdraws) AND client_id = \(bind: consent.clientId) AND withdraws IS NULL
                    """).first()
                guard original != nil else { throw StorageError.notFound }
                let already = try await db.raw("SELECT 1 AS yes FROM consents WHERE withdraws = \(bind: withdraws)").first()
                guard already == nil else { throw StorageError.conflict("This consent was already withdrawn.") }
            }
            try await db.raw("""
                INSERT INTO consents (id, client_id, kind, intake_id, appointment_id, text_version, text_body, signer_name, signature,
                                      signature_data, recorded_by, at, withdraws)
                VALUES (\(bind: id), \(bind: consent.clientId), \(bind: consent.kind.rawValue), \(bind: consent.intakeId), \(bind: consent.appointmentId),
                        \(bind: consent.textVersion), \(bind: consent.text), \(bind: consent.signerName), \(bind: consent.signature.rawValue),
                        \(bind: consent.signatureData), \(bind: consent.recordedBy), \(bind: consent.at.milliseconds), \(bind: consent.withdraws))
                """).run()
            try await SQLAuditRepository.append(audit, on: db)
        }
        return id
    }

    public func list(clientId: String) async throws -> [Consent] {
        try await database.read { db in
            try await db.raw("SELECT * FROM consents WHERE client_id = \(bind: clientId) ORDER BY at, id").all().compactMap { row in
                guard let kind = ConsentKind(rawValue: try row.string("kind")), let signature = Consent.Signature(rawValue: try row.string("signature")) else { return nil }
                return Consent(id: try row.string("id"), clientId: try row.string("client_id"), kind: kind, intakeId: try row.optionalString("intake_id"),
                               appointmentId: try row.optionalString("appointment_id"), textVersion: try row.string("text_version"),
                               text: try row.string("text_body"), signerName: try row.string("signer_name"), signature: signature,
                               signatureData: try row.string("signature_data"), recordedBy: try row.optionalString("recorded_by"),
                               at: try row.instant("at"), withdraws: try row.optionalString("withdraws"))
            }
        }
    }
}
