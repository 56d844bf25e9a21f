import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarZones
import NIOCore

/// A client's documents: the list with the form to attach one, each file viewed or downloaded (an audit row every
/// time), and a mistaken one withdrawn with a reason. Front desk attach and list; opening a file is for those who see
/// the clinical record (the owner and the client's therapists); withdrawing is for those who write it.
struct DocumentRoutes {
    let services: AppServices
    var documents: DocumentService { DocumentService(documents: services.documents, clock: services.clock) }

    func register(on router: Router<AppRequestContext>) {
        router.get("/clients/:id/documents") { request, context -> Response in
            let (account, access) = try await lister(context)
            try await services.audit(account, context, .view, .record, client: access.client.id, detail: "documents list")
            let saved = FormData(encoded: request.uri.query ?? "")["saved"]
            return try await page(context, account: account, access: access,
                                  notice: saved == "attached" ? "Document attached." : saved == "withdrawn" ? "Document withdrawn." : nil)
        }
        router.post("/clients/:id/documents") { request, context -> Response in
            let (account, access) = try await lister(context)
            let limit = try await documents.sizeLimitBytes()
            // A urlencoded post has been checked by the form middleware already: it can carry no file.
            guard DocumentUpload.isUpload(request) else {
                return try await page(context, account: account, access: access, problems: [DocumentService.Failure.noFile.problem],
                                      description: context.form["description"], status: .unprocessableContent)
            }
            let form: MultipartForm
            switch try await DocumentUpload.read(request, context: context, limit: limit) {
            case .tooLarge:
                return try await page(context, account: account, access: access,
                                      problems: [DocumentService.Failure.tooLarge(limitBytes: limit).problem], status: .contentTooLarge)
            case .form(let read):
                form = read
            }
            let file = form.part("file")
            let description = form["description"]
            do {
                let document = try await documents.attach(
                    clientId: access.client.id, fileName: file?.fileName ?? "", description: description, content: Array(file?.body ?? []),
                    by: account) { services.auditEntry(account, context, .create, .clinical, client: access.client.id, detail: "document added: \($0.id)") }
                return .seeOther("/clients/\(access.client.id)/documents?saved=attached#document-\(document.id)")
            } catch let failure as DocumentService.Failure {
                return try await page(context, account: account, access: access, problems: [failure.problem], description: description,
                                      status: failure == .tooLarge(limitBytes: limit) ? .contentTooLarge : .unprocessableContent)
            }
        }
        router.get("/clients/:id/documents/:document/view") { _, context -> Response in
            try await serve(context, inline: true)
        }
        router.get("/clients/:id/documents/:document/download") { _, context -> Response in
            try await serve(context, inline: false)
        }
        router.get("/clients/:id/documents/:document/withdraw") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let document = try await own(context, access)
            if document.isWithdrawn { return .seeOther(listURL(access)) }
            try await services.audit(account, context, .view, .clinical, client: access.client.id, detail: "document withdrawal question: \(document.id)")
            return try await withdrawPage(context, access: access, document: document, reason: "", problem: nil)
        }
        router.post("/clients/:id/documents/:document/withdraw") { _, context -> Response in
            let (account, access) = try await services.clinicalAccess(context, write: true)
            let document = try await own(context, access)
            let reason = context.form["reason"]
            do {
                try await documents.withdraw(documentId: document.id, clientId: access.client.id, reason: reason, by: account,
                                             audit: services.auditEntry(account, context, .change, .clinical, client: access.client.id, detail: "document withdrawn: \(document.id)"))
            } catch let failure as DocumentService.Failure where failure != .alreadyWithdrawn {
                return try await withdrawPage(context, access: access, document: document, reason: reason, problem: failure.message, status: .unprocessableContent)
            } catch DocumentService.Failure.alreadyWithdrawn {
                return .seeOther(listURL(access))
            }
            return .seeOther(listURL(access) + "?saved=withdrawn#document-\(document.id)")
        }
    }

    /// Staff who may see the list and attach to it: front desk, the owner, and therapists who see the clinical record.
    private func lister(_ context: AppRequestContext) async throws -> (Account, ClientAccess) {
        let account = try context.staff()
        let access = try await services.clientAccess(account, try context.parameters.require("id"))
        guard access.seesClinical || account.role == .frontDesk else { throw PageError.forbidden }
        return (account, access)
    }

    private func own(_ context: AppRequestContext, _ access: ClientAccess) async throws -> ClientDocument {
        guard let document = try await documents.find(id: try context.parameters.require("document"), clientId: access.client.id) else {
            throw PageError.notFound
        }
        return document
    }

    private func listURL(_ access: ClientAccess) -> String { "/clients/\(access.client.id)/documents" }

    /// The file itself, as the type its bytes showed and nothing else, never cached, never run: the policy forbids
    /// every script, frame and form, and `sandbox` gives it an opaque origin of its own. Chromium's PDF viewer still
    /// draws a PDF under it (`object-src 'self'` lets the viewer embed the file); an image needs its own `img-src`.
    private func serve(_ context: AppRequestContext, inline: Bool) async throws -> Response {
        let (account, access) = try await services.clinicalAccess(context, write: false)
        guard let opened = try await documents.open(id: try context.parameters.require("document"), clientId: access.client.id) else {
            throw PageError.notFound
        }
        let (document, content) = opened
        try await services.audit(account, context, inline ? .view : .export, .clinical, client: access.client.id,
                                 detail: "\(inline ? "document viewed" : "document downloaded"): \(document.id)")
        let policy = (document.type == .pdf ? "default-src 'none'; object-src 'self'" : "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
            + "; frame-ancestors 'none'; base-uri 'none'; form-action 'none'; sandbox"
        return Response(status: .ok, headers: [
            .contentType: document.type.mediaType,
            .contentDisposition: ContentDisposition.header(inline: inline, fileName: document.fileName),
            .xContentTypeOptions: "nosniff",
            .contentSecurityPolicy: policy,
            .cacheControl: "no-store",
        ], body: .init(byteBuffer: ByteBuffer(bytes: content)))
    }

    private func page(_ context: AppRequestContext, account: Account, access: ClientAccess, problems: [FieldProblem] = [], description: String = "",
                      notice: String? = nil, status: HTTPResponse.Status = .ok) async throws -> Response {
        let client = access.client
        let zone = try await services.clinicTime()
        let today = zone.rules.local(services.now).date
        func spoken(_ instant: Instant) -> String {
            let local = zone.rules.local(instant)
            return "\(SpokenTime.day(local.date, today: today)), \(SpokenTime.time(local.time))"
        }
        let opens = access.seesClinical
        let rows = try await documents.list(clientId: client.id).reversed().map { document in
            let base = "\(listURL(access))/\(document.id)"
            return DocumentsPage.Row(
                id: document.id, fileName: document.fileName, kind: document.type.label, size: DocumentSize.spoken(document.size),
                description: document.description, addedBy: document.addedByName, addedAt: spoken(document.addedAt),
                viewURL: opens ? base + "/view" : nil, downloadURL: opens ? base + "/download" : nil,
                withdrawURL: access.writesClinical && !document.isWithdrawn ? base + "/withdraw" : nil,
                withdrawn: document.withdrawal.map { DocumentsPage.Withdrawn(reason: $0.reason, by: $0.byName, at: spoken($0.at)) })
        }
        var chrome = context.chrome("Documents: \(client.fullName)")
        chrome.notice = notice
        let limit = try await documents.sizeLimitBytes()
        let model = DocumentsPage(
            chrome: chrome, clientName: client.fullName, chartURL: "/clients/\(client.id)", action: listURL(access), canUpload: true,
            fileHelp: "A PDF, JPEG or PNG file, up to \(DocumentSize.spoken(limit)).",
            fileError: problems.first { $0.field == "file" }?.message, description: description,
            descriptionError: problems.first { $0.field == "description" }?.message, descriptionLimit: ClientDocument.descriptionLimit.characters,
            rows: rows, contentNote: opens ? nil : "Only the client's therapists and the owner can open these files.")
        return services.views.page("documents", model, status: status)
    }

    private func withdrawPage(_ context: AppRequestContext, access: ClientAccess, document: ClientDocument, reason: String, problem: String?,
                              status: HTTPResponse.Status = .ok) async throws -> Response {
        let zone = try await services.clinicTime()
        let local = zone.rules.local(document.addedAt)
        let added = "added by \(document.addedByName), \(SpokenTime.day(local.date, today: zone.rules.local(services.now).date)), \(SpokenTime.time(local.time))"
        let model = DocumentWithdrawPage(
            chrome: context.chrome("Withdraw this document?"), fileName: document.fileName, added: added,
            action: "\(listURL(access))/\(document.id)/withdraw", back: listURL(access) + "#document-\(document.id)", reason: reason,
            reasonError: problem, reasonLimit: DocumentWithdrawal.reasonLimit.characters)
        return services.views.page("document_withdraw", model, status: status)
    }
}
