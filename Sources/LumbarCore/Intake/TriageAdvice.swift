/// What the client is told once their intake is triaged, and whether they may book online.
public struct TriageAdvice: Sendable, Equatable {
    public let urgency: Urgency
    public let title: String
    public let lead: String
    /// What to say to the doctor or emergency department, in the client's terms.
    public let tell: [String]
    public let bookingBlocked: Bool

    /// `cleared`: a therapist has recorded that a physician saw the client and treatment may go ahead.
    public init(urgency: Urgency, tell: [String], cleared: Bool) {
        self.urgency = urgency
        self.tell = tell
        switch urgency {
        case .emergency:
            title = "Please get emergency care now"
            lead = "What you told us can be a sign of a problem that needs a hospital doctor today, before any massage. "
                + "Call 911 or go to the nearest emergency department now. Do not wait for your appointment. "
                + (tell.isEmpty ? "Tell them you have low back pain and what you told us here." : "Tell them you have low back pain and the following:")
        case .urgent:
            title = "Please see a doctor today"
            lead = "What you told us should be checked by a doctor or nurse practitioner today, before any massage. "
                + "Call your family doctor or a walk-in clinic, or Health811 (dial 811) for advice. If it gets worse, go to an emergency department. "
                + (tell.isEmpty ? "Tell them you have low back pain and what you told us here." : "Tell them you have low back pain and the following:")
        case .routine:
            title = "Thank you. Please also see your doctor"
            lead = "You can book and be treated as usual, and your therapist will adjust the treatment. "
                + "We also suggest you see your family doctor about this back pain soon" + (tell.isEmpty ? "." : ", and mention:")
        case .none:
            title = "Thank you, your intake is complete"
            lead = "Your therapist will read it before your visit."
        }
        bookingBlocked = (urgency == .emergency || urgency == .urgent) && !cleared
    }
}
