import LumbarCore

/// A message waiting in the outbox.
public struct OutboxMessage: Sendable, Equatable {
    public let id: Int64
    public let recipient: String
    public let recipientName: String?
    public let subject: String
    public let body: String
    /// An iCalendar (RFC 5545) attachment, when the message is about an appointment.
    public let calendar: String?
    public let attempts: Int
    /// When the change it reports was made: the message's Date.
    public let createdAt: Instant
    /// The unique part of its Message-ID, the same on every try so a repeat can be recognised.
    public let messageKey: String

    public init(id: Int64, recipient: String, recipientName: String?, subject: String, body: String, calendar: String?, attempts: Int,
                createdAt: Instant, messageKey: String) {
        self.id = id
        self.recipient = recipient
        self.recipientName = recipientName
        self.subject = subject
        self.body = body
        self.calendar = calendar
        self.attempts = attempts
        self.createdAt = createdAt
        self.messageKey = messageKey
    }
}
