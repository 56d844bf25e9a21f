import Foundation

/// An email to one person.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    public var subject: String
    public var body: String
    /// An iCalendar file sent as `invite.ics`.
    public var calendar: String?

    public init(to: String, subject: String, body: String, calendar: String? = nil) {
        self.to = to
        self.subject = subject
        self.body = body
        self.calendar = calendar
    }
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
        var text = "From: \(clean(from))\nTo: \(clean(message.to))\nSubject: \(clean(message.subject))\nMIME-Version: 1.0\n"
        if let calendar = message.calendar {
            let boundary = "lumbar-" + UUID().uuidString
            text += """
                Content-Type: multipart/mixed; boundary="\(boundary)"

                --\(boundary)
                Content-Type: text/plain; charset=utf-8

                \(message.body)

                --\(boundary)
                Content-Type: text/calendar; charset=utf-8; method=\(calendar.contains("METHOD:CANCEL") ? "CANCEL" : "REQUEST")
                Content-Disposition: attachment; filename="invite.ics"

                \(calendar)
                --\(boundary)--

                """
        } else {
            text += "Content-Type: text/plain; charset=utf-8\n\n\(message.body)\n"
        }
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
