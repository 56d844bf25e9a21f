import LumbarWeb
import Synchronization

/// Keeps every message instead of sending it.
public final class FakeMailer: Mailer {
    private let sent = Mutex<[MailMessage]>([])

    public init() {}

    public func send(_ message: MailMessage) async throws { sent.withLock { $0.append(message) } }

    public var messages: [MailMessage] { sent.withLock { $0 } }
}
