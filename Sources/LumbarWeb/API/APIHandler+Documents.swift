import Foundation
import LumbarClinic
import LumbarCore

extension APIHandler {
    /// A client's documents for staff tokens, under the page's rule: front desk, the owner and the client's therapists.
    func listDocuments(_ input: Operations.ListDocuments.Input) async throws -> Operations.ListDocuments.Output {
        let caller = try caller()
        guard let access = try? await services.clientAccess(caller.account, input.path.clientId) else {
            return .notFound(.init(body: .json(Self.notFound)))
        }
        guard access.seesClinical || caller.account.role == .frontDesk else {
            return .forbidden(.init(body: .json(Self.error("Your role may not list this client's documents."))))
        }
        let documents = try await DocumentService(documents: services.documents, clock: services.clock).list(clientId: access.client.id)
        try await audit(caller, .view, .record, client: access.client.id, detail: "API documents list")
        func date(_ instant: Instant) -> Date { Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000) }
        return .ok(.init(body: .json(.init(documents: documents.map { document in
            .init(id: document.id, fileName: document.fileName, mediaType: .init(rawValue: document.type.mediaType) ?? .applicationPdf,
                  size: document.size, sha256: document.sha256, description: document.description, addedBy: document.addedByName,
                  addedAt: date(document.addedAt),
                  withdrawal: document.withdrawal.map { .init(reason: $0.reason, by: $0.byName, at: date($0.at)) })
        }))))
    }
}
