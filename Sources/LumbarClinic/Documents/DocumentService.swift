import Crypto
import Foundation
import LumbarCore

/// Attaching files to a client's record, listing them, opening them and withdrawing a mistaken one. Who may do
/// which is the web layer's check (ClientAccess); this decides what is kept.
public struct DocumentService: Sendable {
    /// Why an upload or a withdrawal was refused, in words for the person who tried.
    public enum Failure: Error, Equatable {
        case noFile
        case tooLarge(limitBytes: Int)
        case notAllowedType
        case descriptionTooLong
        case reasonMissing
        case reasonTooLong
        case alreadyWithdrawn

        /// The form field the problem belongs beside.
        public var field: String {
            switch self {
            case .noFile, .tooLarge, .notAllowedType: "file"
            case .descriptionTooLong: "description"
            case .reasonMissing, .reasonTooLong, .alreadyWithdrawn: "reason"
            }
        }

        public var message: String {
            switch self {
            case .noFile: "Choose a file to attach."
            case .tooLarge(let limit): "This file is too big. The clinic's limit is \(DocumentSize.spoken(limit))."
            case .notAllowedType: "Only PDF, JPEG and PNG files can be attached. This file is none of these, whatever its name says."
            case .descriptionTooLong: "Keep the description under \(ClientDocument.descriptionLimit.characters) characters."
            case .reasonMissing: "Say why this document is withdrawn, for example \u{201C}wrong client\u{201D}."
            case .reasonTooLong: "Keep the reason under \(DocumentWithdrawal.reasonLimit.characters) characters."
            case .alreadyWithdrawn: "This document was already withdrawn."
            }
        }

        public var problem: FieldProblem { FieldProblem(field, message) }
    }

    let documents: any DocumentRepository
    let clock: WallClock
    let ids: IDSource

    public init(documents: any DocumentRepository, clock: WallClock, ids: IDSource = .random) {
        self.documents = documents
        self.clock = clock
        self.ids = ids
    }

    /// The owner's limit on one file, in bytes (10 MB until they choose).
    public func sizeLimitBytes() async throws -> Int {
        DocumentSize.bytes(megabytes: try await sizeLimitMegabytes())
    }

    public func sizeLimitMegabytes() async throws -> Int {
        try await documents.sizeLimitMegabytes() ?? DocumentSize.defaultMegabytes
    }

    /// Checks and keeps an upload. The type comes from the bytes alone; the name is only kept, cleaned, for showing.
    /// `audit` writes the row committed with it, given the new document.
    public func attach(clientId: String, fileName: String, description: String, content: [UInt8], by account: Account,
                       audit: (ClientDocument) -> AuditEntry) async throws -> ClientDocument {
        guard !content.isEmpty else { throw Failure.noFile }
        let limit = try await sizeLimitBytes()
        guard content.count <= limit else { throw Failure.tooLarge(limitBytes: limit) }
        guard let type = DocumentType.sniff(content) else { throw Failure.notAllowedType }
        let description = description.trimmed
        guard ClientDocument.descriptionLimit.allows(description) else { throw Failure.descriptionTooLong }
        let document = ClientDocument(
            id: ids.next(), clientId: clientId, fileName: DocumentName.sanitised(fileName), type: type, size: content.count,
            sha256: SHA256.hash(data: content).map { Self.hex($0) }.joined(),
            sha1: Data(Insecure.SHA1.hash(data: content)).base64EncodedString(),
            description: description.isEmpty ? nil : description, addedBy: account.id, addedByName: account.name, addedAt: clock.now())
        try await documents.add(document, content: content, audit: audit(document))
        return document
    }

    public func list(clientId: String) async throws -> [ClientDocument] {
        try await documents.list(clientId: clientId)
    }

    public func find(id: String, clientId: String) async throws -> ClientDocument? {
        try await documents.find(id: id, clientId: clientId)
    }

    /// The document and its bytes, for viewing or downloading; nil when it is not this client's.
    public func open(id: String, clientId: String) async throws -> (document: ClientDocument, content: [UInt8])? {
        guard let document = try await documents.find(id: id, clientId: clientId), let content = try await documents.content(id: id) else { return nil }
        return (document, content)
    }

    /// For the chart: how many documents, and the newest one in use.
    public func summary(clientId: String) async throws -> DocumentSummary {
        try await documents.summary(clientId: clientId)
    }

    /// Marks a document withdrawn with the reason given; the document itself stays, unchanged.
    public func withdraw(documentId: String, clientId: String, reason: String, by account: Account, audit: AuditEntry) async throws {
        let reason = reason.trimmed
        guard !reason.isEmpty else { throw Failure.reasonMissing }
        guard DocumentWithdrawal.reasonLimit.allows(reason) else { throw Failure.reasonTooLong }
        do {
            try await documents.withdraw(DocumentWithdrawal(documentId: documentId, reason: reason, by: account.id, byName: account.name, at: clock.now()),
                                         clientId: clientId, audit: audit)
        } catch StorageError.conflict {
            throw Failure.alreadyWithdrawn
        }
    }

    /// Sets the owner's limit, from 1 to `DocumentSize.maximumMegabytes`; false (and nothing kept) outside that.
    public func setSizeLimit(megabytes: Int) async throws -> Bool {
        guard (1...DocumentSize.maximumMegabytes).contains(megabytes) else { return false }
        try await documents.setSizeLimit(megabytes: megabytes)
        return true
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
