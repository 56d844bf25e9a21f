import LumbarClinic
import LumbarCore

extension RecordRoutes {
    /// The printed record's list of documents, when there are any: what each is and who added it when; a withdrawn
    /// one says so and why. The files themselves are not printed; they are opened from the client's documents page.
    static func documentsSection(_ services: AppServices, client: Client, zone: ZonedTime) async throws -> [PrintableRecordPage.Section] {
        let documents = try await DocumentService(documents: services.documents, clock: services.clock).list(clientId: client.id)
        guard !documents.isEmpty else { return [] }
        return [PrintableRecordPage.Section(title: "Documents", entries: documents.map { document in
            var lines = ["\(document.type.label), \(DocumentSize.spoken(document.size)), added by \(document.addedByName)"]
            if let description = document.description { lines.insert(description, at: 0) }
            if let withdrawal = document.withdrawal {
                lines.append("Withdrawn \(zone.spoken(withdrawal.at)) by \(withdrawal.byName): \(withdrawal.reason)")
            }
            return .init(heading: "\(zone.spoken(document.addedAt)): \(document.fileName)\(document.isWithdrawn ? " (withdrawn)" : "")", lines: lines)
        })]
    }
}
