import Crypto
import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage
import Testing
import TestSupport

@Suite struct BackupTests {
    @Test func encryptedBackupRestoresAndRefusesTampering() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lumbar-backup-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let keyFile = folder + "/key"
        try Backup.newKeyText().write(toFile: keyFile, atomically: true, encoding: .utf8)
        let key = try Backup.key(file: keyFile)
        try await TestDatabase.with(.sqlite) { (database: Database) async throws in
            _ = try await SQLClientRepository(database: database).create(Client(id: "c1", firstName: "Ada", lastName: "Lovelace"), at: Instant(milliseconds: 0))
            try await Backup.write(from: database, to: folder + "/copy.bak", key: key)
        }
        let sealed = try Data(contentsOf: URL(fileURLWithPath: folder + "/copy.bak"))
        #expect(sealed.range(of: Data("Lovelace".utf8)) == nil, "client names must not be readable in an encrypted backup")

        let restored = try Backup.restore(from: folder + "/copy.bak", into: folder + "/restored", key: key, force: false)
        let database = try Database(location: .sqlite(path: restored), logger: TestDatabase.logger)
        #expect(try await SQLClientRepository(database: database).find(id: "c1")?.lastName == "Lovelace")
        await database.shutdown()

        var tampered = sealed
        tampered[tampered.count - 5] ^= 0x01
        try tampered.write(to: URL(fileURLWithPath: folder + "/tampered.bak"))
        #expect(throws: Backup.Failure.tagMismatch) {
            _ = try Backup.restore(from: folder + "/tampered.bak", into: folder + "/other", key: key, force: false)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/other/lumbar.sqlite"))
        let otherKey = SymmetricKey(size: .bits256)
        #expect(throws: Backup.Failure.tagMismatch) {
            _ = try Backup.restore(from: folder + "/copy.bak", into: folder + "/other", key: otherKey, force: false)
        }
        #expect(throws: Backup.Failure.exists(restored)) {
            _ = try Backup.restore(from: folder + "/copy.bak", into: folder + "/restored", key: key, force: false)
        }
    }
}
