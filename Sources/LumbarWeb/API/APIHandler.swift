import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import OpenAPIRuntime

/// The generated JSON API. Applies the same access rules and audit as the pages.
struct APIHandler: APIProtocol {
    let services: AppServices

    func caller() throws -> APICaller {
        guard let caller = APICaller.current else { throw APIHandlerError.noCaller }
        return caller
    }

    func audit(_ caller: APICaller, _ action: AuditEntry.Action, _ info: AuditEntry.InfoType, client: String?, detail: String = "") async throws {
        try await services.audit.append(auditEntry(caller, action, info, client: client, detail: detail))
    }

    /// The audit row for a write that commits it together with the change.
    func auditEntry(_ caller: APICaller, _ action: AuditEntry.Action, _ info: AuditEntry.InfoType, client: String?, detail: String = "") -> AuditEntry {
        AuditEntry(at: services.now, actorId: caller.account.id, actorRole: caller.account.role, clientId: client,
                   infoType: info, action: action, address: caller.address, detail: detail)
    }

    static func error(_ message: String) -> Components.Schemas.ErrorBody { .init(error: message, problems: []) }
    static let notFound = error("No such client, or not one you may see.")

    func getMe(_ input: Operations.GetMe.Input) async throws -> Operations.GetMe.Output {
        let account = try caller().account
        return .ok(.init(body: .json(.init(id: account.id, name: account.name, email: account.email,
                                           role: .init(rawValue: account.role.rawValue)!, collegeRegistration: account.collegeRegistration))))
    }

    func listClients(_ input: Operations.ListClients.Input) async throws -> Operations.ListClients.Output {
        let caller = try caller()
        let query = input.query.q ?? ""
        guard FieldLimit.name.allows(query) else {
            return .badRequest(.init(body: .json(.init(error: "The search is too long.", problems: [.init(field: "q", message: "must be at most \(FieldLimit.name) characters")]))))
        }
        let policy = try await services.policy()
        let scoped = caller.account.role == .therapist && !policy.sharedCare
        let clients = try await services.clients.list(treatedBy: scoped ? caller.account.id : nil, matching: query)
        try await audit(caller, .view, .contact, client: nil, detail: "API client list, \(clients.count) shown")
        return .ok(.init(body: .json(.init(clients: clients.map(Self.client)))))
    }

    func getClient(_ input: Operations.GetClient.Input) async throws -> Operations.GetClient.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        try await audit(caller, .view, .contact, client: access.client.id, detail: "API")
        return .ok(.init(body: .json(Self.client(access.client))))
    }

    func listChartNotes(_ input: Operations.ListChartNotes.Input) async throws -> Operations.ListChartNotes.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        guard access.seesClinical else {
            return .forbidden(.init(body: .json(Self.error("Your role may not read clinical notes."))))
        }
        let notes = try await services.chartNotes.list(clientId: access.client.id)
        try await audit(caller, .view, .clinical, client: access.client.id, detail: "API chart notes")
        return .ok(.init(body: .json(.init(notes: notes.map { note in
            .init(id: note.id, authorName: note.authorName, body: note.body,
                  createdAt: Date(timeIntervalSince1970: Double(note.createdAt.milliseconds) / 1000), amends: note.amends, reason: note.reason)
        }))))
    }

    static func client(_ client: Client) -> Components.Schemas.Client {
        .init(id: client.id, firstName: client.firstName, lastName: client.lastName, email: client.email, phone: client.phone,
              dateOfBirth: client.dateOfBirth?.description, emergencyContact: client.emergencyContact)
    }
}

enum APIHandlerError: Error { case noCaller }
