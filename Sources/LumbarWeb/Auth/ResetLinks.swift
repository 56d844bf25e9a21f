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
}
