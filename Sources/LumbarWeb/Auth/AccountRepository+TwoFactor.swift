import Foundation
import LumbarClinic
import LumbarCore
import LumbarStorage

extension AccountRepository {
    /// Accepts a code from the account's code app at most once: its step is recorded, atomically, as the last used.
    func acceptCode(_ code: String, credentials: Credentials, at date: Date) async throws -> Bool {
        guard let secret = credentials.totpSecret,
              let step = TwoFactor.acceptedStep(code: code, secret: secret, at: date, after: credentials.totpLastStep) else { return false }
        return try await acceptTOTPStep(id: credentials.account.id, step: step)
    }
}
