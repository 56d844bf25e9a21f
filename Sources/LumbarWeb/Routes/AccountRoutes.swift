import Foundation
import Hummingbird
import LumbarClinic
import LumbarCore
import LumbarStorage

/// The signed-in person's own settings: two-step sign-in and personal API tokens.
struct AccountRoutes {
    let services: AppServices

    static let tokenFields = [FieldView("tokenName", "Token name", help: "What the token is for, e.g. \"billing export\".", limit: .name)]

    func register(on router: Router<AppRequestContext>) {
        router.get("/account") { _, context -> Response in
            try await accountPage(context, account: try context.signedIn())
        }
        router.post("/account/tokens") { _, context -> Response in
            let account = try context.staff()
            let name = context.form["tokenName"].trimmed
            if let problem = APITokenIssuer.nameProblem(name) {
                let problems = [FieldProblem("tokenName", problem)]
                return try await accountPage(context, account: account, problems: problems, status: .unprocessableContent)
            }
            let token = try await APITokenIssuer(repositories: services.repositories).issue(for: account, name: name, address: context.address, at: services.now)
            return try await accountPage(context, account: account, newToken: token)
        }
        router.post("/account/tokens/:id/revoke") { _, context -> Response in
            let account = try context.staff()
            let id = try context.parameters.require("id")
            try await services.apiTokens.revoke(id: id, accountId: account.id, at: services.now)
            try await services.audit(account, context, .change, .account, client: nil, detail: "API token revoked")
            return .seeOther("/account")
        }
        router.get("/account/two-factor") { _, context -> Response in
            let account = try pendingOrSignedIn(context)
            if account.totpEnabled { return .seeOther("/account") }
            return try await enrolPage(context, account: account, error: nil)
        }
        router.post("/account/two-factor") { _, context -> Response in
            let account = try pendingOrSignedIn(context)
            if account.totpEnabled { return .seeOther("/account") }
            guard let credentials = try await services.accounts.credentials(id: account.id), let secret = credentials.totpSecret else {
                return .seeOther("/account/two-factor")
            }
            let date = Date(timeIntervalSince1970: Double(services.now.milliseconds) / 1000)
            guard try await services.accounts.acceptCode(context.form["code"], credentials: credentials, at: date) else {
                let reused = TwoFactor.acceptedStep(code: context.form["code"], secret: secret, at: date, after: nil) != nil
                return try await enrolPage(context, account: account,
                                           error: reused ? TwoFactor.usedCodeMessage : "That code did not match. Check the key was typed exactly and try the newest code.",
                                           status: .unprocessableContent)
            }
            let codes = Secrets.recoveryCodes()
            try await services.accounts.enableTOTP(id: account.id, recoveryCodeHashes: codes.map(Secrets.hash))
            if let session = context.session { try await services.sessions.completeSecondFactor(tokenHash: session.tokenHash) }
            try await services.audit(account, context, .change, .account, client: nil, detail: "two-step sign-in turned on")
            var signedIn = context
            signedIn.session = try await services.sessions.find(tokenHash: context.session?.tokenHash ?? "")
            return services.views.page("recovery", RecoveryCodesPage(chrome: signedIn.chrome("Recovery codes"), codes: codes))
        }
    }

    /// Enrolment is reachable between password and second factor (owners must enrol), and after sign-in.
    private func pendingOrSignedIn(_ context: AppRequestContext) throws -> Account {
        guard let session = context.session else { throw PageError.signInRequired }
        if !session.secondFactorDone && session.account.totpEnabled { throw PageError.secondFactorRequired }
        return session.account
    }

    private func enrolPage(_ context: AppRequestContext, account: Account, error: String?, status: HTTPResponse.Status = .ok) async throws -> Response {
        var secret = try await services.accounts.credentials(id: account.id)?.totpSecret
        if secret == nil {
            secret = Secrets.totpSecret()
            try await services.accounts.setTOTPSecret(id: account.id, secret: secret!)
        }
        let issuer = try await services.clinic.profile()?.name ?? "Lumbar"
        let page = try TwoFactorEnrolPage(chrome: context.chrome("Set up two-step sign-in"), secret: TwoFactor.base32(secret!),
                                          url: TwoFactor.authenticatorURL(secret: secret!, account: account.email, issuer: issuer),
                                          required: account.mustUseTwoFactor, error: error)
        return services.views.page("enrol", page, status: status)
    }

    private func accountPage(_ context: AppRequestContext, account: Account, newToken: String? = nil, problems: [FieldProblem] = [],
                             status: HTTPResponse.Status = .ok) async throws -> Response {
        let tokens = account.role.isStaff ? try await services.apiTokens.list(accountId: account.id) : []
        let rows = tokens.map { token in
            AccountPage.TokenRow(id: token.id, name: token.name, createdAt: token.createdAt.iso8601, lastUsedAt: token.lastUsedAt?.iso8601 ?? "never",
                     status: token.revokedAt == nil ? "active" : "revoked", active: token.revokedAt == nil)
        }
        let hasFeed = account.role == .therapist ? try await services.calendarFeeds.hasLiveFeed(therapistId: account.id) : false
        let page = AccountPage(chrome: context.chrome("My account"), twoFactor: account.totpEnabled, isStaff: account.role.isStaff,
                               isTherapist: account.role == .therapist, hasFeed: hasFeed,
                               tokens: rows, tokenFields: Self.tokenFields.filled(from: context.form, problems: problems), newToken: newToken)
        return services.views.page("account", page, status: status)
    }
}
