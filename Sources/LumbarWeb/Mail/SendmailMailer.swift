import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

/// Hands messages to a sendmail-compatible program (`-t -i`), as configured, written by `MIMEWriter`.
public struct SendmailMailer: Mailer {
    let program: String
    let from: MailAddress

    /// `from` is an address, optionally with a name: `Clinic <desk@clinic.example>`.
    public init(program: String, from: String) {
        self.program = program
        self.from = MailAddress(parsing: from)
    }

    public func send(_ message: MailMessage) async throws {
        var sender = from
        if sender.name.isEmpty, let name = message.senderName { sender.name = name }
        let text = MIMEWriter(from: sender).render(message, date: message.date ?? WallClock.system.now(),
                                                   messageKey: message.messageKey ?? Database.newID(), boundary: "=_lumbar_" + Database.newID())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = ["-t", "-i"]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                process.waitUntilExit()
                done.resume()
            }
        }
        guard process.terminationStatus == 0 else { throw MailError.programFailed(process.terminationStatus) }
    }
}

enum MailError: Error { case programFailed(Int32) }
