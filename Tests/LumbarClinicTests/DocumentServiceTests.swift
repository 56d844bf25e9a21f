import LumbarClinic
import LumbarCore
import Testing
import TestSupport

/// What an upload keeps and what it refuses, on the in-memory store.
@Suite struct DocumentServiceTests {
    static let theo = Account(id: "t1", email: "theo@example.com", name: "Theo", role: .therapist)
    static func audit(_ document: ClientDocument) -> AuditEntry {
        AuditEntry(at: document.addedAt, actorId: theo.id, actorRole: .therapist, clientId: document.clientId, infoType: .clinical, action: .create,
                   address: "test", detail: "document added: \(document.id)")
    }

    @Test func anUploadIsKeptWithItsHashesSizeAndCleanedName() async throws {
        let clock = TestClock()
        let store = MemoryDocumentRepository()
        let service = DocumentService(documents: store, clock: clock.wallClock, ids: IDSource { "d1" })
        let bytes = Array("%PDF-1.7 hello".utf8)
        let document = try await service.attach(clientId: "c1", fileName: "..\\scans\\x-ray.pdf", description: "  X-ray report  ", content: bytes,
                                                by: Self.theo, audit: Self.audit)
        #expect(document.fileName == "x-ray.pdf" && document.description == "X-ray report" && document.size == bytes.count)
        #expect(document.addedByName == "Theo" && document.addedAt == clock.now && document.type == .pdf)
        #expect(try await store.content(id: "d1") == bytes)
        #expect(try await service.summary(clientId: "c1") == DocumentSummary(count: 1, latest: document))
    }

    @Test func theHashesAreTheStandardOnes() async throws {
        let service = DocumentService(documents: MemoryDocumentRepository(), clock: TestClock().wallClock)
        // The digests of the eight bytes, worked out apart (Python's hashlib).
        let bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        let document = try await service.attach(clientId: "c1", fileName: "a.png", description: "", content: bytes, by: Self.theo, audit: Self.audit)
        #expect(document.sha256 == "4c4b6a3be1314ab86138bef4314dde022e600960d8689a2c8f8631802d20dab6")
        #expect(document.sha1 == "TK7OU5sDmxbhYgbqJHj4xf+yygU=")
        #expect(document.description == nil)
    }

    @Test func refusalsSayWhyAndKeepNothing() async throws {
        let store = MemoryDocumentRepository()
        let service = DocumentService(documents: store, clock: TestClock().wallClock)
        func attach(_ bytes: [UInt8], description: String = "") async throws {
            _ = try await service.attach(clientId: "c1", fileName: "scan.pdf", description: description, content: bytes, by: Self.theo, audit: Self.audit)
        }
        await #expect(throws: DocumentService.Failure.noFile) { try await attach([]) }
        await #expect(throws: DocumentService.Failure.notAllowedType) { try await attach(Array("<html><script>".utf8)) }
        await #expect(throws: DocumentService.Failure.descriptionTooLong) { try await attach(Array("%PDF-1.4".utf8), description: String(repeating: "x", count: 201)) }
        #expect(try await service.setSizeLimit(megabytes: 1))
        #expect(try await !service.setSizeLimit(megabytes: 0))
        #expect(try await !service.setSizeLimit(megabytes: 51))
        #expect(try await service.sizeLimitBytes() == 1_048_576)
        await #expect(throws: DocumentService.Failure.tooLarge(limitBytes: 1_048_576)) { try await attach(Array("%PDF-1.4".utf8) + [UInt8](repeating: 0, count: 1_048_576)) }
        #expect(try await store.list(clientId: "c1").isEmpty)
        #expect(DocumentService.Failure.notAllowedType.field == "file" && DocumentService.Failure.reasonMissing.field == "reason")
    }

    @Test func aWithdrawalNeedsAReasonAndHappensOnce() async throws {
        let store = MemoryDocumentRepository()
        let service = DocumentService(documents: store, clock: TestClock().wallClock, ids: IDSource { "d1" })
        _ = try await service.attach(clientId: "c1", fileName: "a.pdf", description: "", content: Array("%PDF-1.4".utf8), by: Self.theo, audit: Self.audit)
        let audit = AuditEntry(at: Instant(milliseconds: 0), actorId: nil, actorRole: nil, clientId: "c1", infoType: .clinical, action: .change, address: "t")
        await #expect(throws: DocumentService.Failure.reasonMissing) { try await service.withdraw(documentId: "d1", clientId: "c1", reason: " ", by: Self.theo, audit: audit) }
        try await service.withdraw(documentId: "d1", clientId: "c1", reason: "Wrong client", by: Self.theo, audit: audit)
        await #expect(throws: DocumentService.Failure.alreadyWithdrawn) {
            try await service.withdraw(documentId: "d1", clientId: "c1", reason: "again", by: Self.theo, audit: audit)
        }
        let kept = try await service.list(clientId: "c1")
        #expect(kept.count == 1 && kept[0].withdrawal?.reason == "Wrong client")
        #expect(try await service.summary(clientId: "c1") == DocumentSummary(count: 1, latest: nil))
        #expect(try await service.open(id: "d1", clientId: "c1")?.content == Array("%PDF-1.4".utf8))
    }
}
