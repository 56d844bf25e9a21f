import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import LumbarClinic
import LumbarCore
@testable import LumbarWeb
import NIOCore
import Testing
import TestSupport

/// Documents on a client's record through the pages: attached, listed, opened with an audit row each time, served so
/// they cannot run, refused when they are not what they claim, withdrawn without being erased.
@Suite struct DocumentWebTests {
    static let pdf = Array("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".utf8)
    static let boundary = "----LumbarTestBoundary0123"

    /// Posts a multipart form as a browser would, with the browser's cookies and the page's CSRF token unless given.
    static func upload(_ browser: Browser, _ path: String, fileName: String, content: [UInt8], description: String = "",
                       csrf: String? = nil, contentType: String? = nil) async throws -> Browser.Page {
        var body: [UInt8] = []
        func part(_ headers: String, _ bytes: [UInt8]) { body += Array("--\(boundary)\r\n\(headers)\r\n\r\n".utf8) + bytes + Array("\r\n".utf8) }
        part("Content-Disposition: form-data; name=\"_csrf\"", Array((csrf ?? browser.token()).utf8))
        part("Content-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\nContent-Type: application/pdf", content)
        part("Content-Disposition: form-data; name=\"description\"", Array(description.utf8))
        body += Array("--\(boundary)--\r\n".utf8)
        var headers: HTTPFields = [.contentType: contentType ?? "multipart/form-data; boundary=\(boundary)"]
        headers[.cookie] = browser.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
        let response = try await browser.client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(bytes: body))
        return Browser.Page(status: response.status, location: response.headers[.location], body: String(buffer: response.body), headers: response.headers)
    }

    /// A staff member signed in and on the client's documents page, so the next post carries its token.
    static func onDocuments(_ client: any TestClientProtocol, _ email: String, _ ada: Client) async throws -> Browser {
        let browser = Browser(client)
        _ = try await browser.signIn(email)
        _ = try await browser.get("/clients/\(ada.id)/documents")
        return browser
    }

    @Test func aTherapistAttachesAPdfViewsAndDownloadsItWithAnAuditRowEachTime() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let theo = Browser(client)
            _ = try await theo.signIn("theo@example.com")
            let empty = try await theo.get("/clients/\(ada.id)/documents")
            #expect(empty.status == .ok && empty.body.contains("No documents yet.") && empty.body.contains("enctype=\"multipart/form-data\""))
            let attached = try await Self.upload(theo, "/clients/\(ada.id)/documents", fileName: "MRI %22lumbar%22 été.pdf", content: Self.pdf,
                                                 description: "MRI report from Dr. Ng")
            #expect(attached.status == .seeOther, "\(attached.body)")
            let list = try await theo.get(try #require(attached.location))
            #expect(list.body.contains("Document attached.") && list.body.contains("MRI report from Dr. Ng") && list.body.contains("Theo Therapist"))
            let document = try #require(try await fixture.services.documents.list(clientId: ada.id).first)
            #expect(document.type == .pdf && document.size == Self.pdf.count && document.addedBy == fixture.therapist.id)
            #expect(document.fileName == "MRI \"lumbar\" été.pdf")

            let view = try await theo.get("/clients/\(ada.id)/documents/\(document.id)/view")
            #expect(view.status == .ok && Array(view.body.utf8) == Self.pdf)
            #expect(view.headers[.contentType] == "application/pdf")
            #expect(view.headers[.contentDisposition] == "inline; filename=\"MRI _lumbar_ _t_.pdf\"; filename*=UTF-8''MRI%20%22lumbar%22%20%C3%A9t%C3%A9.pdf")
            #expect(view.headers[.xContentTypeOptions] == "nosniff" && view.headers[.cacheControl] == "no-store")
            let policy = try #require(view.headers[.contentSecurityPolicy])
            #expect(policy.hasPrefix("default-src 'none';") && policy.contains("frame-ancestors 'none'") && policy.hasSuffix("; sandbox"))
            let download = try await theo.get("/clients/\(ada.id)/documents/\(document.id)/download")
            #expect(download.headers[.contentDisposition]?.hasPrefix("attachment; ") == true && download.headers[.contentType] == "application/pdf")

            let audit = try await fixture.audit(client: ada.id).filter { $0.actorId == fixture.therapist.id }
            #expect(audit.contains { $0.action == .create && $0.detail == "document added: \(document.id)" })
            #expect(audit.filter { $0.action == .view && $0.detail == "document viewed: \(document.id)" }.count == 1)
            #expect(audit.filter { $0.action == .export && $0.detail == "document downloaded: \(document.id)" }.count == 1)
            #expect(!audit.contains { $0.detail.contains("MRI") }, "no file name or description in the log")
        }
    }

    @Test func anImageIsServedSandboxed() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let theo = try await Self.onDocuments(client, "theo@example.com", ada)
            let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
            #expect(try await Self.upload(theo, "/clients/\(ada.id)/documents", fileName: "form.pdf", content: png).status == .seeOther)
            let document = try #require(try await fixture.services.documents.list(clientId: ada.id).first)
            #expect(document.type == .png, "the bytes decide, not the name")
            let view = try await theo.get("/clients/\(ada.id)/documents/\(document.id)/view")
            #expect(view.headers[.contentType] == "image/png" && view.headers[.contentSecurityPolicy]?.hasSuffix("sandbox") == true)
        }
    }

    @Test func disguisedFilesAreRefusedBesideTheFieldKeepingTheDescription() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let theo = try await Self.onDocuments(client, "theo@example.com", ada)
            let disguises = ["scan.pdf": "<html><script>alert(document.cookie)</script></html>",
                             "drawing.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                             "run.pdf": "#!/bin/sh\necho %PDF-1.4"]
            for (name, text) in disguises {
                let refused = try await Self.upload(theo, "/clients/\(ada.id)/documents", fileName: name, content: Array(text.utf8),
                                                    description: "Referral <from> Dr. Ng")
                #expect(refused.status == .unprocessableContent, "\(name)")
                #expect(refused.body.contains("id=\"file-error\">Only PDF, JPEG and PNG files can be attached."), "\(name)")
                #expect(refused.body.contains("value=\"Referral &lt;from&gt; Dr. Ng\""), "what was typed is kept, escaped")
            }
            let none = try await Self.upload(theo, "/clients/\(ada.id)/documents", fileName: "", content: [])
            #expect(none.status == .unprocessableContent && none.body.contains("Choose a file to attach."))
            #expect(try await fixture.services.documents.list(clientId: ada.id).isEmpty)
        }
    }

    @Test func brokenOrForgedUploadsAreRefusedWithoutAServerError() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let theo = try await Self.onDocuments(client, "theo@example.com", ada)
            let path = "/clients/\(ada.id)/documents"
            let forged = try await Self.upload(theo, path, fileName: "a.pdf", content: Self.pdf, csrf: "not-the-token")
            #expect(forged.status == .forbidden)
            let noBoundary = try await Self.upload(theo, path, fileName: "a.pdf", content: Self.pdf, contentType: "multipart/form-data")
            #expect(noBoundary.status == .badRequest)
            let wrongBoundary = try await Self.upload(theo, path, fileName: "a.pdf", content: Self.pdf, contentType: "multipart/form-data; boundary=other")
            #expect(wrongBoundary.status == .badRequest)
            var headers: HTTPFields = [.contentType: "multipart/form-data; boundary=\(Self.boundary)"]
            headers[.cookie] = theo.cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ")
            let truncated = try await client.execute(uri: path, method: .post, headers: headers,
                                                     body: ByteBuffer(string: "--\(Self.boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.4"))
            #expect(truncated.status == .badRequest)
            let urlencoded = try await theo.post(path, ["description": "x"])
            #expect(urlencoded.status == .unprocessableContent && urlencoded.body.contains("Choose a file to attach."))
            #expect(try await fixture.services.documents.list(clientId: ada.id).isEmpty)
        }
    }

    @Test func theOwnersLimitIsKeptAndABiggerFileGetsAPageThatSaysSo() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let owner = Browser(client)
            _ = try await owner.signIn("owner@example.com", code: fixture.ownerCode)
            let settings = try await owner.get("/settings")
            #expect(settings.body.contains("name=\"documentLimit\"") && settings.body.contains("value=\"10\""))
            for bad in ["0", "51", "ten", "2.5"] {
                let refused = try await owner.post("/settings", ["acuteWeeks": "4", "documentLimit": bad])
                #expect(refused.status == .unprocessableContent && refused.body.contains("id=\"documentLimit-error\""), "\(bad)")
            }
            #expect(try await owner.post("/settings", ["acuteWeeks": "4", "documentLimit": "1"]).status == .ok)
            #expect(try await fixture.services.documents.sizeLimitMegabytes() == 1)
            _ = try await owner.get("/clients/\(ada.id)/documents")
            let big = Self.pdf + [UInt8](repeating: 0x20, count: 1_048_576)
            let refused = try await Self.upload(owner, "/clients/\(ada.id)/documents", fileName: "big.pdf", content: big)
            #expect(refused.status == .contentTooLarge)
            #expect(refused.body.contains("This file is too big.") && refused.body.contains("limit is 1 MB."))
            let huge = Self.pdf + [UInt8](repeating: 0x20, count: 3_000_000)
            let drained = try await Self.upload(owner, "/clients/\(ada.id)/documents", fileName: "huge.pdf", content: huge)
            #expect(drained.status == .contentTooLarge && drained.body.contains("id=\"file-error\""))
            #expect(try await Self.upload(owner, "/clients/\(ada.id)/documents", fileName: "ok.pdf", content: Self.pdf).status == .seeOther)
        }
    }

    @Test func frontDeskAttachAndListButOpenNothing() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA
        try await fixture.test { client in
            let desk = try await Self.onDocuments(client, "desk@example.com", ada)
            #expect(try await Self.upload(desk, "/clients/\(ada.id)/documents", fileName: "intake.pdf", content: Self.pdf).status == .seeOther)
            let document = try #require(try await fixture.services.documents.list(clientId: ada.id).first)
            let list = try await desk.get("/clients/\(ada.id)/documents")
            #expect(list.body.contains("intake.pdf") && list.body.contains("Fran Desk"))
            #expect(!list.body.contains("/view") && !list.body.contains("/download") && !list.body.contains("/withdraw"))
            for action in ["view", "download", "withdraw"] {
                #expect(try await desk.get("/clients/\(ada.id)/documents/\(document.id)/\(action)").status == .forbidden, "\(action)")
            }
            let tara = Browser(client)
            _ = try await tara.signIn("tara@example.com")
            #expect(try await tara.get("/clients/\(ada.id)/documents").status == .notFound, "a therapist who does not treat Ada")
            #expect(try await tara.get("/clients/\(ada.id)/documents/\(document.id)/view").status == .notFound)
        }
    }

    @Test func aWithdrawalAsksFirstNeedsAReasonAndErasesNothing() async throws {
        let fixture = try await WebFixture.make()
        let ada = fixture.clientA, ben = fixture.clientB
        try await fixture.test { client in
            let theo = try await Self.onDocuments(client, "theo@example.com", ada)
            _ = try await Self.upload(theo, "/clients/\(ada.id)/documents", fileName: "wrong.pdf", content: Self.pdf)
            let document = try #require(try await fixture.services.documents.list(clientId: ada.id).first)
            let path = "/clients/\(ada.id)/documents/\(document.id)/withdraw"
            let question = try await theo.get(path)
            #expect(question.status == .ok && question.body.contains("Withdraw this document?") && question.body.contains("wrong.pdf"))
            let noReason = try await theo.post(path, ["reason": "  "])
            #expect(noReason.status == .unprocessableContent && noReason.body.contains("id=\"reason-error\""))
            #expect(try await fixture.services.documents.list(clientId: ada.id).first?.isWithdrawn == false)
            let done = try await theo.post(path, ["reason": "Belongs to another client"])
            #expect(done.status == .seeOther)
            let list = try await theo.get("/clients/\(ada.id)/documents")
            #expect(list.body.contains("<del>") && list.body.contains("Belongs to another client") && list.body.contains("wrong.pdf"))
            let kept = try await fixture.services.documents.list(clientId: ada.id)
            #expect(kept.count == 1 && kept[0].withdrawal?.byName == "Theo Therapist")
            let view = try await theo.get("/clients/\(ada.id)/documents/\(document.id)/view")
            #expect(view.status == .ok && Array(view.body.utf8) == Self.pdf, "its content can still be opened")
            _ = try await theo.get("/clients/\(ada.id)/documents")
            #expect(try await theo.post(path, ["reason": "again"]).status == .seeOther, "a second withdrawal changes nothing")
            #expect(try await fixture.services.documents.list(clientId: ada.id)[0].withdrawal?.reason == "Belongs to another client")
            // The export and the printed record carry it, marked as a mistake.
            let bundle = try await theo.get("/clients/\(ada.id)/record.fhir.json")
            let json = try #require(try JSONSerialization.jsonObject(with: Data(bundle.body.utf8)) as? [String: Any])
            let references = (json["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
                .filter { $0["resourceType"] as? String == "DocumentReference" }
            #expect(references.count == 1 && references.first?["status"] as? String == "entered-in-error")
            let attachment = ((references.first?["content"] as? [[String: Any]])?.first?["attachment"]) as? [String: Any]
            #expect(attachment?["hash"] as? String == kept[0].sha1 && attachment?["size"] as? Int == Self.pdf.count)
            #expect(attachment?["contentType"] as? String == "application/pdf" && attachment?["title"] as? String == "wrong.pdf")
            #expect((attachment?["url"] as? String)?.hasSuffix("/clients/\(ada.id)/documents/\(document.id)/download") == true)
            let printed = try await theo.get("/clients/\(ada.id)/record")
            #expect(printed.body.contains("wrong.pdf (withdrawn)") && printed.body.contains("Belongs to another client"))
            // Another client's path does not reach it.
            #expect(try await theo.get("/clients/\(ben.id)/documents/\(document.id)/view").status.code >= 400)
        }
    }

    @Test func staffTokensListDocumentsUnderThePagesRule() async throws {
        let setup = try await BookingAPITests.setUp()
        let fixture = setup.fixture, ada = fixture.clientA
        let audit = AuditEntry(at: fixture.clock.now, actorId: nil, actorRole: nil, clientId: ada.id, infoType: .clinical, action: .create, address: "test")
        _ = try await DocumentService(documents: fixture.services.documents, clock: fixture.services.clock).attach(
            clientId: ada.id, fileName: "x-ray.pdf", description: "X-ray report", content: Self.pdf, by: fixture.therapist) { _ in audit }
        try await fixture.test { client in
            let listed = try await BookingAPITests.get(client, "/api/v1/clients/\(ada.id)/documents")
            #expect(listed.status == .ok)
            let json = try #require(try JSONSerialization.jsonObject(with: Data(String(buffer: listed.body).utf8)) as? [String: Any])
            let first = try #require((json["documents"] as? [[String: Any]])?.first)
            #expect(first["fileName"] as? String == "x-ray.pdf" && first["mediaType"] as? String == "application/pdf" && first["addedBy"] as? String == "Theo Therapist")
            #expect(first["size"] as? Int == Self.pdf.count && first["withdrawal"] == nil)
            #expect(try await BookingAPITests.get(client, "/api/v1/clients/nobody/documents").status == .notFound)
            #expect(try await fixture.audit(client: ada.id).contains { $0.detail == "API documents list" && $0.actorId == fixture.frontDesk.id })
        }
    }
}
