import LumbarClinic
import LumbarCore

extension FHIRBundle {
    /// Each document as a DocumentReference; a withdrawn one is `entered-in-error`, as FHIR names a record made by
    /// mistake. The content is a `url` to the download route, not inline base64: documents may be 10 MB each, and a
    /// record of twenty scans would make a 270 MB JSON file few tools open. The size and SHA-1 `hash` let a receiver
    /// check the file it fetches.
    func writeDocuments(into json: inout JSONWriter, client: Client) async throws {
        let documents = try await DocumentService(documents: services.documents, clock: services.clock).list(clientId: client.id)
        let base = services.configuration.publicURL.hasSuffix("/") ? String(services.configuration.publicURL.dropLast()) : services.configuration.publicURL
        for document in documents {
            json.beginObject()
            json.field("fullUrl", "urn:uuid:\(document.id)")
            json.key("resource")
            json.beginObject()
            json.field("id", document.id)
            json.field("resourceType", "DocumentReference")
            json.field("status", document.isWithdrawn ? "entered-in-error" : "current")
            json.key("subject")
            json.beginObject()
            json.field("reference", "urn:uuid:\(client.id)")
            json.endObject()
            json.field("date", document.addedAt.iso8601)
            if let description = document.description { json.field("description", description) }
            json.key("content")
            json.objects([document]) { json, document in
                json.key("attachment")
                json.beginObject()
                json.field("contentType", document.type.mediaType)
                json.field("url", "\(base)/clients/\(client.id)/documents/\(document.id)/download")
                json.field("size", document.size)
                json.field("hash", document.sha1)
                json.field("title", document.fileName)
                json.field("creation", document.addedAt.iso8601)
                json.endObject()
            }
            json.endObject()
            json.endObject()
        }
    }
}
