import LumbarClinic
import LumbarCore
import LumbarStorage
import SQLKit
import Testing
import TestSupport

/// What every `DocumentRepository` must do, on every store: the bytes come back exactly, a document is listed with
/// its withdrawal, is withdrawn once and only by its own client's id, and the database refuses any change or delete.
@Suite struct DocumentContractTests {
    static let now = AppointmentContractTests.now
    static let audit = AuditEntry(at: now, actorId: nil, actorRole: nil, clientId: nil, infoType: .clinical, action: .create, address: "test")

    /// The store's documents beside its services and seeded clinic; `raw` runs SQL on the SQL stores (nil in memory).
    static func run(_ store: ContractStore,
                    _ body: (any DocumentRepository, ContractSeed, ClinicServices, Database?) async throws -> Void) async throws {
        let clock = TestClock(now)
        switch store {
        case .memory:
            let memory = MemoryStore()
            let services = memory.services(clock: clock.wallClock)
            try await body(memory.documents, try await ContractSeed.make(services, at: now), services, nil)
        case .sqlite, .postgres:
            try await TestDatabase.with(store == .sqlite ? .sqlite : .postgres) { database in
                let repositories = SQLRepositories.make(database)
                let services = ClinicServices(repositories: repositories, clock: clock.wallClock,
                                              settings: .init(publicURL: "https://clinic.example", mailFromAddress: "desk@clinic.example"))
                try await body(repositories.documents, try await ContractSeed.make(services, at: now), services, database)
            }
        }
    }

    static func document(_ id: String, _ seed: ContractSeed, seconds: Int64 = 0, size: Int = 4) -> ClientDocument {
        ClientDocument(id: id, clientId: seed.ada.id, fileName: "\(id).pdf", type: .pdf, size: size, sha256: "ab", sha1: "cd=",
                       description: id == "d1" ? "X-ray report" : nil, addedBy: seed.theo.id, addedByName: "Theo", addedAt: now.adding(seconds: seconds))
    }

    @Test(arguments: ContractStore.available)
    func bytesComeBackExactlyAndTheListIsInOrder(store: ContractStore) async throws {
        try await Self.run(store) { documents, seed, _, _ in
            // Every byte value, NUL and invalid UTF-8 included, and a megabyte of them.
            let content = (0..<1_048_576).map { UInt8(truncatingIfNeeded: $0 &* 31) }
            try await documents.add(Self.document("d2", seed, seconds: 60, size: content.count), content: content, audit: Self.audit)
            try await documents.add(Self.document("d1", seed), content: Array("%PDF-1.4".utf8), audit: Self.audit)
            #expect(try await documents.content(id: "d2") == content)
            #expect(try await documents.list(clientId: seed.ada.id).map(\.id) == ["d1", "d2"])
            let found = try #require(try await documents.find(id: "d1", clientId: seed.ada.id))
            #expect(found == Self.document("d1", seed))
            #expect(try await documents.find(id: "d1", clientId: "someone-else") == nil, "another client's id finds nothing")
            #expect(try await documents.content(id: "nope") == nil)
            await #expect(throws: StorageError.self) {
                try await documents.add(Self.document("d1", seed), content: [1], audit: Self.audit)
            }
        }
    }

    @Test(arguments: ContractStore.available)
    func aWithdrawalIsAddedOnceAndTheDocumentStays(store: ContractStore) async throws {
        try await Self.run(store) { documents, seed, _, _ in
            try await documents.add(Self.document("d1", seed), content: [1, 2, 3], audit: Self.audit)
            try await documents.add(Self.document("d2", seed, seconds: 60), content: [4], audit: Self.audit)
            let withdrawal = DocumentWithdrawal(documentId: "d2", reason: "Wrong client", by: seed.rosa.id, byName: "Rosa", at: Self.now.adding(seconds: 120))
            await #expect(throws: StorageError.notFound) { try await documents.withdraw(withdrawal, clientId: "someone-else", audit: Self.audit) }
            #expect(try await documents.summary(clientId: seed.ada.id) == DocumentSummary(count: 2, latest: Self.document("d2", seed, seconds: 60)))
            try await documents.withdraw(withdrawal, clientId: seed.ada.id, audit: Self.audit)
            await #expect(throws: StorageError.self) { try await documents.withdraw(withdrawal, clientId: seed.ada.id, audit: Self.audit) }
            let listed = try await documents.list(clientId: seed.ada.id)
            #expect(listed.map(\.id) == ["d1", "d2"], "a withdrawn document stays listed")
            #expect(listed[1].withdrawal == withdrawal && listed[0].withdrawal == nil)
            #expect(try await documents.content(id: "d2") == [4], "and its content is kept")
            let summary = try await documents.summary(clientId: seed.ada.id)
            #expect(summary.count == 2 && summary.latest?.id == "d1", "the newest one in use")
        }
    }

    @Test(arguments: ContractStore.available)
    func theDatabaseRefusesAChangeOrADelete(store: ContractStore) async throws {
        try await Self.run(store) { documents, seed, _, database in
            try await documents.add(Self.document("d1", seed), content: [1], audit: Self.audit)
            try await documents.withdraw(DocumentWithdrawal(documentId: "d1", reason: "r", by: seed.theo.id, byName: "Theo", at: Self.now),
                                         clientId: seed.ada.id, audit: Self.audit)
            guard let database else { return }
            for sql in ["UPDATE documents SET file_name = 'x'", "DELETE FROM documents", "UPDATE document_contents SET content = content",
                        "DELETE FROM document_contents", "DELETE FROM document_withdrawals", "UPDATE document_withdrawals SET reason = 'x'"] {
                await #expect(throws: (any Error).self, "\(sql)") { try await database.write { db in try await db.raw("\(unsafeRaw: sql)").run() } }
            }
            #expect(try await documents.list(clientId: seed.ada.id).first?.withdrawal?.reason == "r")
        }
    }

    @Test(arguments: ContractStore.available)
    func theSizeLimitIsKept(store: ContractStore) async throws {
        try await Self.run(store) { documents, _, _, _ in
            #expect(try await documents.sizeLimitMegabytes() == nil)
            try await documents.setSizeLimit(megabytes: 25)
            try await documents.setSizeLimit(megabytes: 5)
            #expect(try await documents.sizeLimitMegabytes() == 5)
        }
    }
}
