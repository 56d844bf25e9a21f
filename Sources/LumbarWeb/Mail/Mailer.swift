import Foundation

/// An email to one person.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String
}

/// Delivers mail; replaced by a fake in tests.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}

/// Hands messages to a sendmail-compatible program (`-t -i`), as configured.
public struct SendmailMailer: Mailer {
    let program: String
    let from: String

    public init(program: String, from: String) {
        self.program = program
        self.from = from
    }

    public func send(_ message: MailMessage) async throws {
        let clean = { (text: String) in text.replacingOccurrences(of: "\r", with: "").replacingOccurrences(of: "\n", with: " ") }
        let text = """
            From: \(clean(from))
            To: \(clean(message.to))
            Subject: \(clean(message.subject))
            MIME-Version: 1.0
            Content-Type: text/plain; charset=utf-8

            \(message.body)

            """
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
