import LumbarClinic
import Crypto
import Foundation
import SQLKit

/// Consistent copies of a live SQLite database, optionally sealed with AES-GCM so a stolen copy reveals nothing.
public enum Backup {
    /// Sealed files start with this, then the AES-GCM nonce, ciphertext and tag.
    static let magic = Data("LUMBAR-BACKUP-1\n".utf8)

    public enum Failure: Error, CustomStringConvertible, Equatable {
        case postgres
        case badKey(String)
        case notSealed
        case tagMismatch
        case exists(String)

        public var description: String {
            switch self {
            case .postgres: return "backup: this database is PostgreSQL; use pg_dump for it"
            case .badKey(let why): return "key: \(why)"
            case .notSealed: return "restore: the file is not an encrypted Lumbar backup (omit --decrypt for a plain copy)"
            case .tagMismatch: return "restore: the file does not verify with this key (wrong key, or the file was altered); nothing was restored"
            case .exists(let path): return "restore: \(path) already exists; choose an empty --data folder or pass --force"
            }
        }
    }

    /// Writes a consistent snapshot (SQLite `VACUUM INTO`, safe while the server runs) to `destination`.
    public static func write(from database: Database, to destination: String, key: SymmetricKey?) async throws {
        guard database.engine == .sqlite else { throw Failure.postgres }
        let folder = URL(fileURLWithPath: destination).deletingLastPathComponent().path
        let snapshot = folder + "/.lumbar-snapshot-\(UUID().uuidString).sqlite"
        defer { try? FileManager.default.removeItem(atPath: snapshot) }
        try await database.read { db in
            try await db.raw("VACUUM INTO \(bind: snapshot)").run()
        }
        var data = try Data(contentsOf: URL(fileURLWithPath: snapshot))
        if let key {
            let sealed = try AES.GCM.seal(data, using: key)
            guard let combined = sealed.combined else { throw Failure.badKey("could not seal") }
            data = magic + combined
        }
        try writeDurably(data, to: destination)
    }

    /// Verifies and unpacks a backup into `dataDirectory/lumbar.sqlite`.
    public static func restore(from source: String, into dataDirectory: String, key: SymmetricKey?, force: Bool) throws -> String {
        var data = try Data(contentsOf: URL(fileURLWithPath: source))
        if let key {
            guard data.starts(with: magic) else { throw Failure.notSealed }
            do {
                let box = try AES.GCM.SealedBox(combined: data.dropFirst(magic.count))
                data = try AES.GCM.open(box, using: key)
            } catch {
                throw Failure.tagMismatch
            }
        } else if data.starts(with: magic) {
            throw Failure.badKey("this backup is encrypted; pass --decrypt KEYFILE")
        }
        try FileManager.default.createDirectory(atPath: dataDirectory, withIntermediateDirectories: true)
        let target = URL(fileURLWithPath: dataDirectory).appendingPathComponent("lumbar.sqlite").path
        if FileManager.default.fileExists(atPath: target) {
            guard force else { throw Failure.exists(target) }
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: target + suffix) }
        }
        try writeDurably(data, to: target)
        return target
    }

    /// Reads a 32-byte key stored as base64 (as `lumbar keygen` writes it) or as raw bytes.
    public static func key(file: String) throws -> SymmetricKey {
        guard let raw = FileManager.default.contents(atPath: file) else { throw Failure.badKey("cannot read \(file)") }
        if raw.count == 32 { return SymmetricKey(data: raw) }
        let text = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let decoded = Data(base64Encoded: text), decoded.count == 32 else {
            throw Failure.badKey("\(file) must hold 32 bytes, base64-encoded (make one with: lumbar keygen FILE)")
        }
        return SymmetricKey(data: decoded)
    }

    public static func newKeyText() -> String {
        SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }.base64EncodedString()
    }

    /// Writes to a temporary file, flushes it to disk, then renames it into place.
    static func writeDurably(_ data: Data, to path: String) throws {
        let temporary = path + ".partial"
        FileManager.default.createFile(atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.write(contentsOf: data)
        try handle.synchronize()
        try handle.close()
        if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
        try FileManager.default.moveItem(atPath: temporary, toPath: path)
    }
}
