import ArgumentParser
import Foundation
import Logging
import LumbarClinic
import LumbarStorage

/// `lumbar backup FILE [--encrypt KEYFILE]`: a consistent copy of the running SQLite database.
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "Copy the live SQLite database to FILE, optionally encrypted.")

    @OptionGroup var storage: StorageOptions
    @Argument(help: "Where to write the copy.") var file: String
    @Option(help: "Seal the copy with AES-256-GCM using this key file (see `lumbar keygen`).") var encrypt: String?

    func run() async throws {
        let configuration = try storage.configuration()
        let key = try encrypt.map { path in try withFailure { try Backup.key(file: path) } }
        let database = try storage.open(configuration, logger: Logger(label: "lumbar"))
        do {
            try await Backup.write(from: database, to: file, key: key)
        } catch let failure as Backup.Failure {
            await database.shutdown()
            printError(failure.description)
            throw ExitCode(2)
        }
        await database.shutdown()
        print("backup written to \(file)\(key == nil ? "" : " (encrypted)")")
    }
}

/// `lumbar restore FILE --data DIR [--decrypt KEYFILE]`: unpack a backup, refusing one that does not verify.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restore", abstract: "Restore a backup into a data folder.")

    @Argument(help: "The backup file.") var file: String
    @Option(name: .customLong("data"), help: "Folder to restore lumbar.sqlite into.") var dataDirectory = "."
    @Option(help: "Key file the backup was encrypted with.") var decrypt: String?
    @Flag(help: "Replace an existing lumbar.sqlite.") var force = false

    func run() throws {
        let key = try decrypt.map { path in try withFailure { try Backup.key(file: path) } }
        let target = try withFailure { try Backup.restore(from: file, into: dataDirectory, key: key, force: force) }
        print("restored to \(target)")
    }
}

/// `lumbar keygen FILE`: a new random backup key.
struct KeygenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "keygen", abstract: "Write a new 256-bit backup key to FILE (keep it apart from the backups).")

    @Argument var file: String

    func run() throws {
        guard !FileManager.default.fileExists(atPath: file) else {
            printError("\(file): already exists; refusing to overwrite a key")
            throw ExitCode(2)
        }
        FileManager.default.createFile(atPath: file, contents: Data((Backup.newKeyText() + "\n").utf8), attributes: [.posixPermissions: 0o600])
        print("key written to \(file)")
    }
}

/// Runs `body`, turning a backup failure into one line on standard error and exit code 2.
func withFailure<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let failure as Backup.Failure {
        printError(failure.description)
        throw ExitCode(2)
    } catch let error as CocoaError {
        printError("file: \(error.localizedDescription)")
        throw ExitCode(2)
    }
}
