import LumbarClinic
import LumbarCore
import LumbarStorage

extension AppRequestContext {
    /// The signed-in account, or the error that sends the visitor to sign in or finish their second factor.
    func signedIn() throws -> Account {
        guard let session else { throw PageError.signInRequired }
        if !session.secondFactorDone {
            let mustEnrol = session.account.mustUseTwoFactor && !session.account.totpEnabled
            throw mustEnrol ? PageError.enrolmentRequired : PageError.secondFactorRequired
        }
        return session.account
    }

    func staff() throws -> Account {
        let account = try signedIn()
        guard account.role.isStaff else { throw PageError.forbidden }
        return account
    }

    func owner() throws -> Account {
        let account = try signedIn()
        guard account.role == .owner else { throw PageError.forbidden }
        return account
    }
}
