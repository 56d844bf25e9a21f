import LumbarClinic
import LumbarCore

/// Emails a one-hour link to choose a password: for "forgot password", and to invite new staff and clients.
struct ResetLinks {
    let services: AppServices

    func send(to account: Account, subject: String = "Reset your Lumbar password") async throws {
        let token = Secrets.token()
        try await services.passwordResets.create(tokenHash: Secrets.hash(token), accountId: account.id, expiresAt: services.now.adding(seconds: 3600))
        let link = services.configuration.publicURL + "/password/reset?token=" + token
        try await services.mailer.send(MailMessage(
            to: account.email, subject: subject,
            body: "Hello \(account.name),\n\nUse this link within one hour to choose your password:\n\(link)\n\nIf you did not ask for this, you can ignore this email."))
    }

    /// How long an invitation's link works: a week, since staff may not read mail the day they are invited.
    static let invitationSeconds: Int64 = 7 * 86_400

    /// Queues a staff invitation through the outbox: a one-time link to choose a password. The account cannot sign in
    /// until the password is chosen.
    func invite(_ account: Account, clinicName: String, invitedBy: String) async throws {
        let token = Secrets.token()
        try await services.passwordResets.create(tokenHash: Secrets.hash(token), accountId: account.id, expiresAt: services.now.adding(seconds: Self.invitationSeconds))
        let link = services.configuration.publicURL + "/welcome?token=" + token
        try await services.outbox.enqueue([QueuedMail(
            to: account.email, toName: account.name, subject: "\(invitedBy) invited you to \(clinicName)",
            body: "Hello \(account.name),\n\n\(invitedBy) added you to \(clinicName) as \(account.role.label.lowercased()).\n\n"
                + "Choose your password with this link (it works once, for seven days):\n\(link)\n\nThen sign in with this email address.")], at: services.now)
    }
}
