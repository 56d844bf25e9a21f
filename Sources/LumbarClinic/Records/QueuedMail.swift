import LumbarCore

/// A message to queue with a booking change, in the same transaction.
public struct QueuedMail: Sendable {
    public let to: String
    /// The recipient's name for the To header, when known.
    public let toName: String?
    public let subject: String
    public let body: String
    public let calendar: String?

    public init(to: String, toName: String? = nil, subject: String, body: String, calendar: String? = nil) {
        self.to = to
        self.toName = toName
        self.subject = subject
        self.body = body
        self.calendar = calendar
    }
}
