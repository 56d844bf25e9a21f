import Logging
import LumbarClinic
import LumbarCore
import LumbarStorage
import ServiceLifecycle

/// Sends queued mail through the configured program: claims a batch (so other instances skip it), sends,
/// marks each sent, and backs off on failure. A crash between sending and marking can repeat that one
/// message after its claim expires; nothing queued is ever lost.
struct OutboxDelivery: Service {
    let services: AppServices
    let interval: Duration

    func run() async throws {
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await BookingService(services: services).queueReminders()
                    try await WaitlistService(services: services.clinicServices).process()
                    try await HomeProgramService(services: services).queueReminders()
                } catch {
                    Logger(label: "lumbar.outbox").warning("reminders or waitlist offers not queued: \(String(describing: type(of: error)))")
                }
                await deliverDue()
                try await Task.sleep(for: interval)
            }
        }
    }

    /// One pass over due messages; returns how many were sent.
    @discardableResult
    func deliverDue() async -> Int {
        let logger = Logger(label: "lumbar.outbox")
        var sent = 0
        do {
            let claimed = try await services.outbox.claim(limit: 20, lease: 300, at: services.now)
            var clinicName: String?
            if !claimed.isEmpty { clinicName = try await services.clinic.profile()?.name }
            for message in claimed {
                do {
                    try await services.mailer.send(MailMessage(to: message.recipient, toName: message.recipientName, subject: message.subject,
                                                               body: message.body, calendar: message.calendar, date: message.createdAt,
                                                               messageKey: message.messageKey, senderName: clinicName))
                    try await services.outbox.markSent(id: message.id, at: services.now)
                    sent += 1
                } catch {
                    // The message text can hold health-adjacent details; log only which message and why it failed.
                    logger.warning("outbox message \(message.id) not sent: \(String(describing: type(of: error)))")
                    try await services.outbox.markFailed(id: message.id, attempts: message.attempts, error: String(describing: type(of: error)), at: services.now)
                }
            }
        } catch {
            logger.warning("outbox pass failed: \(String(describing: type(of: error)))")
        }
        return sent
    }
}
