import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage
import LumbarZones

extension AppServices {
    /// Writes one PHIPA audit row for what `account` just did.
    func audit(_ account: Account?, _ context: AppRequestContext, _ action: AuditEntry.Action, _ info: AuditEntry.InfoType,
               client: String?, detail: String = "") async throws {
        try await audit.append(auditEntry(account, context, action, info, client: client, detail: detail))
    }

    /// The audit row for what `account` is doing, for a write that commits it together with the change.
    func auditEntry(_ account: Account?, _ context: AppRequestContext, _ action: AuditEntry.Action, _ info: AuditEntry.InfoType,
                    client: String?, detail: String = "") -> AuditEntry {
        AuditEntry(at: now, actorId: account?.id, actorRole: account?.role, clientId: client, infoType: info, action: action,
                   address: context.address, detail: detail)
    }

    /// The client, if `account` may see at least their contact details; otherwise 404 (existence is not revealed).
    func clientAccess(_ account: Account, _ clientId: String) async throws -> ClientAccess {
        guard let client = try await clients.find(id: clientId) else { throw PageError.notFound }
        let relation = AccessPolicy.Relationship(
            isSelf: account.role == .client && client.accountId == account.id,
            treats: account.role == .therapist ? try await clients.treats(therapistId: account.id, clientId: clientId) : false)
        let policy = try await policy()
        guard policy.canSeeContact(account.role, relation) else { throw PageError.notFound }
        return ClientAccess(client: client, relation: relation, policy: policy, role: account.role)
    }
}

extension AppServices {
    /// The signed-in staff member and the client in the path, if they may see (or, for `write`, change) the
    /// client's clinical record: 403 when they may see only contact details, 404 when not even those.
    func clinicalAccess(_ context: AppRequestContext, write: Bool) async throws -> (Account, ClientAccess) {
        let account = try context.staff()
        let access = try await clientAccess(account, try context.parameters.require("id"))
        guard write ? access.writesClinical : access.seesClinical else { throw PageError.forbidden }
        return (account, access)
    }

    /// The clinic's time zone: page text ("2026-11-24 14:05") and, through `rules`, the clinic's dates and days.
    func clinicTime() async throws -> ZonedTime {
        ZonedTime(identifier: try await clinic.profile()?.timeZone ?? "UTC")
    }
}

/// A client record as one account may see it.
struct ClientAccess: Sendable {
    let client: Client
    let relation: AccessPolicy.Relationship
    let policy: AccessPolicy
    let role: Role

    var seesClinical: Bool { policy.canSeeClinical(role, relation) }
    var writesClinical: Bool { policy.canWriteClinical(role, relation) }
}
