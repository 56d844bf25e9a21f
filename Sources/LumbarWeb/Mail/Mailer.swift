import LumbarCore

/// An email to one person.
public struct MailMessage: Sendable, Equatable {
    public var to: String
    /// The recipient's name, shown in the To header when known.
    public var toName: String?
    public var subject: String
    public var body: String
    /// An iCalendar file sent as `invite.ics`.
    public var calendar: String?
    /// When the message was written (its Date header); nil means when it is sent.
    public var date: Instant?
    /// The unique part of its Message-ID, kept the same if it is sent again; nil means a new one.
    public var messageKey: String?
    /// The sender's name when the configured From address has none: the clinic's name.
    public var senderName: String?

    public init(to: String, toName: String? = nil, subject: String, body: String, calendar: String? = nil, date: Instant? = nil,
                messageKey: String? = nil, senderName: String? = nil) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.body = body
        self.calendar = calendar
        self.date = date
        self.messageKey = messageKey
        self.senderName = senderName
    }
}

/// Delivers mail; replaced by a fake in tests.
public protocol Mailer: Sendable {
    func send(_ message: MailMessage) async throws
}
